using Microsoft.Extensions.Logging;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>
/// Keeps the AT channel's traffic of one probe (<c>-&gt; command</c>, <c>&lt;- line</c>), so that a user reporting a
/// new modem can attach what it really said. The channel redacts the PIN before it logs; PDUs are not part of a probe.
/// </summary>
internal sealed class ProbeTranscript : ILogger<AtChannel>
{
    // AtChannelLog.Sent and AtChannelLog.Received.
    private const int SentEvent = 1100;
    private const int ReceivedEvent = 1101;
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var arrow = eventId.Id switch
        {
            SentEvent => "-> ",
            ReceivedEvent => "<- ",
            _ => null,
        };
        if (arrow is null || state is not IReadOnlyList<KeyValuePair<string, object?>> values || values.Count == 0)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(arrow + values[0].Value);
        }
    }
}

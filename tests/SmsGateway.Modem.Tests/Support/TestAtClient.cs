using System.Text;
using System.Text.RegularExpressions;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>
/// A deliberately simple host for talking to the simulator in tests: it records everything the modem writes
/// and waits (with a deadline) for final result codes, prompts and URCs in that text.
/// </summary>
internal sealed partial class TestAtClient : IAsyncDisposable
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(5);

    private readonly Stream _stream;
    private readonly StringBuilder _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _consumed;

    public TestAtClient(Stream stream)
    {
        _stream = stream;
        _reader = ReadLoopAsync();
    }

    /// <summary>True once the modem's end of the stream has closed.</summary>
    public bool EndOfStream { get; private set; }

    /// <summary>Everything received so far.</summary>
    public string All
    {
        get
        {
            lock (_received)
            {
                return _received.ToString();
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> + CR and returns what came back up to and including the final result code.</summary>
    public async Task<string> SendAsync(string command, TimeSpan? timeout = null)
    {
        await WriteAsync(command + "\r");
        return await WaitForFinalAsync(timeout);
    }

    /// <summary>Runs <c>AT+CMGS</c>: command, wait for the prompt, PDU + Ctrl-Z, then the final result.</summary>
    public async Task<string> SendPduAsync(int length, string pdu, TimeSpan? timeout = null, char terminator = '\x1A')
    {
        await WriteAsync($"AT+CMGS={length}\r");
        await WaitForAsync("> ", timeout);
        await WriteAsync(pdu + terminator);
        return await WaitForFinalAsync(timeout);
    }

    public async Task WriteAsync(string text)
    {
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>Waits until the unconsumed text contains <paramref name="expected"/> and consumes up to its end.</summary>
    public Task<string> WaitForAsync(string expected, TimeSpan? timeout = null) =>
        WaitAsync(text => text.IndexOf(expected, StringComparison.Ordinal) is var at and >= 0 ? at + expected.Length : -1, expected, timeout);

    /// <summary>Waits for a final result code and consumes up to it.</summary>
    public Task<string> WaitForFinalAsync(TimeSpan? timeout = null) =>
        WaitAsync(text => FinalResult().Match(text) is { Success: true } match ? match.Index + match.Length : -1, "a final result code", timeout);

    /// <summary>Waits until no more bytes arrive for <paramref name="quiet"/> and returns the unconsumed text.</summary>
    public async Task<string> DrainAsync(TimeSpan quiet)
    {
        while (await _arrived.WaitAsync(quiet))
        {
        }

        lock (_received)
        {
            var text = _received.ToString(_consumed, _received.Length - _consumed);
            _consumed = _received.Length;
            return text;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    [GeneratedRegex(@"\r\n(OK|ERROR|\+CM[ES] ERROR: [^\r]*)\r\n")]
    private static partial Regex FinalResult();

    private async Task<string> WaitAsync(Func<string, int> find, string what, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? _defaultTimeout);
        while (true)
        {
            lock (_received)
            {
                var pending = _received.ToString(_consumed, _received.Length - _consumed);
                var end = find(pending);
                if (end >= 0)
                {
                    _consumed += end;
                    return pending[..end];
                }

                if (EndOfStream)
                {
                    throw new EndOfStreamException($"Stream ended while waiting for {what}; got: {Escape(pending)}");
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No {what} in: {Escape(All[_consumed..])}");
            }
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                lock (_received)
                {
                    _received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }

                _arrived.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            EndOfStream = true;
            _arrived.Release();
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Testing;

/// <summary>
/// Keeps the log entries written (message, exception, structured values and scopes), so tests can see what was
/// reported, that nothing secret was, and what led to a failure.
/// </summary>
/// <param name="minimumLevel">Entries below this level are not kept.</param>
/// <param name="capacity">Only the newest entries are kept beyond this many (long runs that only show the recent ones when they fail).</param>
public sealed class LogCollector(LogLevel minimumLevel = LogLevel.Trace, int capacity = int.MaxValue) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly LogLevel _minimumLevel = minimumLevel;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>
    /// Each entry as one line: level, category, event id, message, exception, values and scopes, for "never contains"
    /// checks.
    /// </summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(e => $"{e.Level} {e.Category}[{e.EventId.Id}] {e.Message} {e.Exception} {string.Join(" | ", e.Values)}")];

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>The newest entries, one short line each (time, category's last part, message), to show with a failure.</summary>
    public string Recent(int count = 80) => string.Join('\n', _entries.TakeLast(count).Select(e =>
        $"{e.At:HH:mm:ss.fff} {e.Category[(e.Category.LastIndexOf('.') + 1)..]}: {e.Message.ReplaceLineEndings("\\n")}{(e.Exception is null ? string.Empty : " | " + e.Exception.Message)}"));

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> structured)
            {
                values.AddRange(structured.Select(v => Text(v.Value)));
            }

            owner._scopes.ForEachScope((scope, list) => list.Add(Text(scope)), values);
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception) { Values = values, At = DateTime.UtcNow });
        }

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}

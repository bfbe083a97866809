using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>Keeps the most recent log lines of a test in memory, so a failure can show what led to it.</summary>
internal sealed class RecentLogProvider(int capacity = 400) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Recent(int count = 80) => string.Join('\n', _lines.TakeLast(count));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(RecentLogProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {category}: {formatter(state, exception).ReplaceLineEndings("\\n")}{(exception is null ? string.Empty : " | " + exception.Message)}");
    }
}

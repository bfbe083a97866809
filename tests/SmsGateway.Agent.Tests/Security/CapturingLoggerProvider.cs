using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Agent.Tests.Security;

/// <summary>Keeps every log entry at Information or above, with its message, structured values, scopes and exception.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var entry = new List<string> { category, logLevel.ToString(), formatter(state, exception), exception?.ToString() ?? string.Empty };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                entry.AddRange(values.Select(v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty));
            }

            provider._scopes.ForEachScope((scope, list) => list.Add(Convert.ToString(scope, CultureInfo.InvariantCulture) ?? string.Empty), entry);
            provider.Entries.Enqueue(string.Join(" | ", entry));
        }
    }
}

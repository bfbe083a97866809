using Microsoft.Extensions.Logging;

namespace SmsGateway.Testing;

/// <summary>One entry <see cref="LogCollector"/> kept.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception = null);

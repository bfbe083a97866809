using Microsoft.Extensions.Logging;

namespace SmsGateway.Testing;

/// <summary>One entry <see cref="LogCollector"/> kept.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception = null)
{
    /// <summary>The entry's structured values and its scopes, as text.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>When it was written (UTC).</summary>
    public DateTime At { get; init; }
}

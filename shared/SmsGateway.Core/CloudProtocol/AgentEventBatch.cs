namespace SmsGateway.Core.CloudProtocol;

/// <summary>The body of <c>POST /api/agent/events</c>: events in the order they happened.</summary>
public sealed record AgentEventBatch
{
    /// <summary>The contract version this code reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The most events one batch may carry.</summary>
    public const int MaxEvents = 500;

    /// <summary>The contract version; a receiver refuses versions it does not know rather than guess.</summary>
    public required int Version { get; init; }

    public required IReadOnlyList<AgentEvent> Events { get; init; }
}

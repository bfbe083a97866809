namespace SmsGateway.Core.CloudProtocol;

/// <summary>The agent is alive: its modem and queue as it sees them (<see cref="AgentEvent.OccurredAt"/> is the time).</summary>
public sealed record AgentHeartbeat : AgentEvent
{
    public const string Kind = "heartbeat";

    /// <summary>Must be the agent the key belongs to.</summary>
    public required string AgentId { get; init; }

    public required AgentModemSnapshot Modem { get; init; }

    /// <summary>Items waiting in the agent's view of the queue.</summary>
    public int QueueDepth { get; init; }

    public int DeadLettered { get; init; }
}

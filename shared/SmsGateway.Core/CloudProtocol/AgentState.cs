namespace SmsGateway.Core.CloudProtocol;

/// <summary>What the cloud knows of an agent from its newest heartbeat.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="LastHeartbeatAt">When the newest heartbeat happened, by the agent's clock (orders heartbeats).</param>
/// <param name="LastSeenAt">When the cloud last received a heartbeat, by the cloud's clock (judges silence, immune to the agent's clock).</param>
/// <param name="Modem">The modem as of the newest heartbeat.</param>
/// <param name="QueueDepth">Queue depth as of the newest heartbeat.</param>
/// <param name="DeadLettered">Dead letters as of the newest heartbeat.</param>
public sealed record AgentState(
    string AgentId,
    DateTimeOffset LastHeartbeatAt,
    DateTimeOffset LastSeenAt,
    AgentModemSnapshot Modem,
    int QueueDepth,
    int DeadLettered);

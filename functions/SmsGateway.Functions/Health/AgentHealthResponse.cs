namespace SmsGateway.Functions.Health;

/// <summary>One agent in <c>GET api/health</c>; modem and queue are null until its first heartbeat.</summary>
public sealed record AgentHealthResponse(
    string AgentId,
    string Status,
    DateTimeOffset? LastHeartbeatAt,
    DateTimeOffset? LastSeenAt,
    AgentModemResponse? Modem,
    AgentQueueResponse? Queue);

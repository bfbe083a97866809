namespace SmsGateway.Functions.Health;

public sealed record AgentQueueResponse(int Depth, int DeadLettered);

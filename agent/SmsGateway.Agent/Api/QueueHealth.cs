namespace SmsGateway.Agent.Api;

public sealed record QueueHealth(long Depth, long DeadLettered);

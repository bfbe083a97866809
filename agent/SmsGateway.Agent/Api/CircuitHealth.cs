namespace SmsGateway.Agent.Api;

/// <summary>The modem circuit breaker: <c>closed</c> (sending), <c>open</c> or <c>half-open</c>, and why.</summary>
public sealed record CircuitHealth(string State, string? Reason);

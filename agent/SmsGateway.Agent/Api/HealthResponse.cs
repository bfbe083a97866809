namespace SmsGateway.Agent.Api;

/// <summary>The answer to <c>GET /api/health</c>; it never contains numbers or texts.</summary>
public sealed record HealthResponse(string Status, ModemHealth Modem, QueueHealth Queue, CircuitHealth Circuit);

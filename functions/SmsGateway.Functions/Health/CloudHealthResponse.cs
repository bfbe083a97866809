namespace SmsGateway.Functions.Health;

/// <summary>The answer to <c>GET api/health</c> in the cloud shape: the gateway as its agents report it.</summary>
public sealed record CloudHealthResponse(string Status, IReadOnlyList<AgentHealthResponse> Agents);

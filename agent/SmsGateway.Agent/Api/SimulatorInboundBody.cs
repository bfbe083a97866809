namespace SmsGateway.Agent.Api;

/// <summary>The body of <c>POST /api/simulator/inbound</c>.</summary>
public sealed record SimulatorInboundBody(string? From, string? Text);

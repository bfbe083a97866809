namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// The cloud's health: <c>healthy</c> when every known agent is ready, <c>degraded</c> when some are,
/// <c>unhealthy</c> when none is (or no agent is known), since then nothing can be sent.
/// </summary>
public sealed record CloudHealthReport(string Status, IReadOnlyList<AgentHealth> Agents)
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}

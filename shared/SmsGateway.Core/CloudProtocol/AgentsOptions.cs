namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// The agents the cloud accepts events from, and when one counts as offline (section <c>Agents</c>):
/// <c>Agents:OfflineAfter</c>, and per agent <c>Agents:&lt;agentId&gt;:KeyHash</c> or <c>Agents:&lt;agentId&gt;:Key</c>.
/// </summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>An agent without a heartbeat for longer than this is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(5);

    public IList<AgentCredential> Credentials { get; } = [];
}

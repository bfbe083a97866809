namespace SmsGateway.Core.CloudProtocol;

/// <summary>One agent as the cloud sees it.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Online">A heartbeat arrived within <see cref="AgentsOptions.OfflineAfter"/>.</param>
/// <param name="State">Its newest heartbeat; null when it never sent one.</param>
public sealed record AgentHealth(string AgentId, bool Online, AgentState? State)
{
    /// <summary>Online with a connected, registered modem: it can send.</summary>
    public bool Ready => Online && State is { Modem: { Connected: true, Registered: true } };
}

namespace SmsGateway.Core.CloudProtocol;

/// <summary>The agents' last known state, kept by the cloud from their heartbeats.</summary>
public interface IAgentRegistry
{
    /// <summary>
    /// Records <paramref name="state"/>. A heartbeat older than the stored one (by
    /// <see cref="AgentState.LastHeartbeatAt"/>) never replaces it; only its <see cref="AgentState.LastSeenAt"/>
    /// is kept when later.
    /// </summary>
    Task RecordHeartbeatAsync(AgentState state, CancellationToken cancellationToken);

    /// <summary>Every agent that ever sent a heartbeat, by id.</summary>
    Task<IReadOnlyList<AgentState>> ListAsync(CancellationToken cancellationToken);
}

using System.Text.Json.Serialization;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// One thing an agent tells the cloud (<c>POST /api/agent/events</c>), discriminated by <c>kind</c>.
/// Takes effect at most once per <see cref="EventId"/>: the agent's outbox may deliver it again after a
/// timeout, and the repeat is acknowledged without effect (as a duplicate, or as skipped when the state
/// already reflects it).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DestinationStatusChanged), DestinationStatusChanged.Kind)]
[JsonDerivedType(typeof(InboundSmsReceived), InboundSmsReceived.Kind)]
[JsonDerivedType(typeof(AgentHeartbeat), AgentHeartbeat.Kind)]
public abstract record AgentEvent
{
    /// <summary>Unique per agent (a UUID is fine): 1-128 letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>When it happened at the agent, by the agent's clock.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}

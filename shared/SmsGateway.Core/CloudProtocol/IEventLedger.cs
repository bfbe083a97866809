namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// The ids of agent events already applied, per agent: what makes applying an event idempotent where the event
/// is not so by nature (which kinds those are: <see cref="AgentEventService"/>).
/// </summary>
public interface IEventLedger
{
    /// <summary>True when <paramref name="eventId"/> of <paramref name="agentId"/> was marked applied.</summary>
    Task<bool> HasAppliedAsync(string agentId, string eventId, CancellationToken cancellationToken);

    /// <summary>Marks the event applied (insert-if-absent); false when it was marked already.</summary>
    Task<bool> TryMarkAppliedAsync(string agentId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets events applied before <paramref name="appliedBefore"/>; returns how many. Safe once agents no
    /// longer resend them: a replay after that is still harmless (monotonic status merges, insert-if-absent
    /// inbound messages, newest heartbeat wins), the ledger only saves the work.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset appliedBefore, CancellationToken cancellationToken);
}

namespace SmsGateway.Core.Outbox;

/// <summary>
/// An outbox item taken for delivery. Until <see cref="LockedUntil"/> nobody else gets it; after that it
/// is due again, so a delivery interrupted by a crash is retried (at-least-once).
/// </summary>
/// <param name="Id">The item's id in the outbox.</param>
/// <param name="Channel">The item's channel.</param>
/// <param name="DedupeKey">The key it was enqueued with.</param>
/// <param name="Payload">What to deliver.</param>
/// <param name="Attempts">Failed delivery attempts recorded so far by <see cref="IOutbox.RescheduleAsync"/>.</param>
/// <param name="LockToken">Proves this lease is still the current one when it is settled.</param>
/// <param name="LockedUntil">When the lock ends and the item is due again unless settled.</param>
/// <param name="EnqueuedAt">When the item was enqueued.</param>
public sealed record OutboxLease(
    string Id,
    string Channel,
    string DedupeKey,
    string Payload,
    int Attempts,
    string LockToken,
    DateTimeOffset LockedUntil,
    DateTimeOffset EnqueuedAt);

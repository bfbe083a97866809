using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Outbox;

/// <summary>
/// A durable outbox: items are stored before the caller goes on and are delivered later, in order per
/// channel, with retries, until delivered or given up on. Nothing is removed before it was delivered.
/// Shaped for Azure Table storage as well (channel = partition, ETag = lock token).
/// </summary>
public interface IOutbox
{
    /// <summary>Stores <paramref name="item"/> durably; false (and nothing changes) when its channel already has its dedupe key.</summary>
    Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="item"/> as <see cref="EnqueueAsync"/> does and, in the same transaction, settles the
    /// earlier items of its channel that it makes pointless: those whose dedupe key starts with
    /// <paramref name="supersededKeyPrefix"/>, never taken for delivery and not due yet (enqueued to linger). So the
    /// newer item is durable before the older ones go, and an item already on its way is never touched. An outbox
    /// may keep them instead: superseding only saves deliveries. False (nothing changes) when the dedupe key was there.
    /// </summary>
    Task<bool> EnqueueSupersedingAsync(OutboxItem item, string supersededKeyPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the oldest undelivered item of <paramref name="channel"/> and locks it for
    /// <paramref name="lockDuration"/>; null when that item is not due yet or is locked (later items
    /// wait behind it, which keeps the channel's order), or when the channel is empty.
    /// </summary>
    Task<OutboxLease?> LeaseNextAsync(string channel, TimeSpan lockDuration, CancellationToken cancellationToken);

    /// <summary>Marks the item delivered. Throws <see cref="LockLostException"/> when the lease is no longer current.</summary>
    Task CompleteAsync(OutboxLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the item, due again after <paramref name="delay"/>, with <paramref name="attempts"/> as its new
    /// attempt count (unchanged when the remote side only asked to wait) and the last error for operators.
    /// Throws <see cref="LockLostException"/> when the lease is no longer current.
    /// </summary>
    Task RescheduleAsync(OutboxLease lease, TimeSpan delay, int attempts, string? error, CancellationToken cancellationToken);

    /// <summary>Gives up on the item (kept with <paramref name="reason"/> for operators) so the items behind it can go.</summary>
    Task DeadLetterAsync(OutboxLease lease, string reason, CancellationToken cancellationToken);

    /// <summary>Channels whose name starts with <paramref name="channelPrefix"/> and that hold undelivered items, soonest due first.</summary>
    Task<IReadOnlyList<OutboxChannel>> ListPendingChannelsAsync(string channelPrefix, int max, CancellationToken cancellationToken);

    /// <summary>How many undelivered items the channels whose name starts with <paramref name="channelPrefix"/> hold.</summary>
    Task<int> CountPendingAsync(string channelPrefix, CancellationToken cancellationToken);

    /// <summary>Removes delivered and dead-lettered items settled before <paramref name="settledBefore"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken);
}

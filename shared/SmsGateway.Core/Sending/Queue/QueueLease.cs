namespace SmsGateway.Core.Sending.Queue;

/// <summary>A received queue item, locked for this receiver until <see cref="LockedUntil"/>.</summary>
/// <param name="ItemId">The item's id (see <see cref="QueueItem.ItemId"/>).</param>
/// <param name="LockToken">Proves this receiver still holds the lock when it settles the item.</param>
/// <param name="Message">The envelope.</param>
/// <param name="DeliveryCount">How many times the item has been received, this time included.</param>
/// <param name="LockedUntil">When the lock expires and the item becomes receivable again.</param>
public sealed record QueueLease(
    string ItemId,
    string LockToken,
    QueueItem Message,
    int DeliveryCount,
    DateTimeOffset LockedUntil);

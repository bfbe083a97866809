namespace SmsGateway.Core.Sending.Queue;

/// <summary>
/// The queue port: a peek-lock queue of <see cref="QueueItem"/> items, shaped after Azure Service
/// Bus so that both the embedded queue and Service Bus can implement it.
/// </summary>
public interface IOutboundQueue
{
    /// <summary>
    /// Publishes <paramref name="items"/> atomically, each not receivable before
    /// <paramref name="notBefore"/> when given. An item whose id was published before is skipped.
    /// Returns how many items were new, or <c>items.Count</c> when the queue cannot tell (Service Bus drops
    /// a repeated message id silently). Throws <see cref="QueueFullException"/> at capacity.
    /// </summary>
    Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the next due item (high priority first, then oldest) and locks it for
    /// <paramref name="lockDuration"/>. Waits up to <paramref name="maxWait"/> for one; null if none came.
    /// </summary>
    Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Removes the item for good. Throws <see cref="LockLostException"/> when the lock expired.</summary>
    Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken);

    /// <summary>Releases the lock; the item becomes receivable again after <paramref name="delay"/>.</summary>
    Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Moves the item to the dead-letter store with a reason and a description.</summary>
    Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken);

    /// <summary>Lists dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Puts a dead letter back in the queue with a fresh delivery count. False when there is no such dead letter.</summary>
    Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// The most items the queue takes, or null when it has no count-based bound (Service Bus: the topic's size
    /// quota, reported by <see cref="PublishAsync"/> as <see cref="QueueFullException"/>). Intake counts the queue
    /// before accepting only when there is one, so a queue whose count is a remote management call is not asked
    /// on every request.
    /// </summary>
    long? Capacity { get; }

    Task<QueueCounts> CountAsync(CancellationToken cancellationToken);
}

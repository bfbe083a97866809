using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Tests.Sending.Intake;

/// <summary>A queue that loses the race for its last places at publish time, with a hook that runs just before it says so.</summary>
internal sealed class QueueFullOnPublish(Action beforeRefusing) : IOutboundQueue
{
    public long? Capacity => null;

    public Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        beforeRefusing();
        throw new QueueFullException(TimeSpan.FromSeconds(5));
    }

    public Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken) => Task.FromResult<QueueLease?>(null);

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeadLetter>>([]);

    public Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<QueueCounts> CountAsync(CancellationToken cancellationToken) => Task.FromResult(new QueueCounts(0, 0, null));
}

using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Tests.Sending.Intake;

/// <summary>
/// A queue that takes what is published and can be made full two ways: by its capacity (intake sees it before
/// storing) or at publish time (it loses the race for its last places after intake stored), with a hook that runs
/// just before it says so.
/// </summary>
internal sealed class RefusableQueue : IOutboundQueue
{
    private readonly List<QueueItem> _items = [];

    public long? Capacity { get; set; }

    public bool RefuseAtPublish { get; set; }

    public Action BeforeRefusing { get; init; } = () => { };

    public IReadOnlyList<QueueItem> Items => _items;

    public Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        if (RefuseAtPublish)
        {
            BeforeRefusing();
            throw new QueueFullException(TimeSpan.FromSeconds(5));
        }

        _items.AddRange(items);
        return Task.FromResult(items.Count);
    }

    public Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken) => Task.FromResult<QueueLease?>(null);

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeadLetter>>([]);

    public Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<QueueCounts> CountAsync(CancellationToken cancellationToken) => Task.FromResult(new QueueCounts(_items.Count, 0, null));
}

using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// A peek-lock queue on a <see cref="TimeProvider"/>: an abandoned item is due again after its delay, a received one
/// after its lock expires (what a crash leaves), and a receive waits on the clock or for a publish, never on real time.
/// A receive woken by a publish or by the clock continues inline on the caller's thread (see <see cref="Inline"/>).
/// </summary>
internal sealed class InMemoryOutboundQueue(TimeProvider time, StateChanges changes) : IOutboundQueue
{
    private readonly Lock _sync = new();
    private readonly List<QueueItem> _items = [];
    private readonly Dictionary<string, DateTimeOffset> _dueAt = [];
    private readonly Dictionary<string, int> _deliveries = [];
    private readonly Dictionary<string, string> _lockTokens = [];
    private readonly List<(string ItemId, TimeSpan Delay)> _abandoned = [];
    private readonly List<string> _completed = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private TaskCompletionSource? _waiting;
    private long _version;

    public long? Capacity => null;

    /// <summary>A receiver is waiting for an item: the worker is idle.</summary>
    public bool Idle
    {
        get
        {
            lock (_sync)
            {
                return _waiting is { Task.IsCompleted: false };
            }
        }
    }

    public IReadOnlyList<(string ItemId, TimeSpan Delay)> Abandoned => Read(() => _abandoned.ToList());

    public IReadOnlyList<string> Completed => Read(() => _completed.ToList());

    public IReadOnlyList<DeadLetter> DeadLetters => Read(() => _deadLetters.ToList());

    public int DeliveriesOf(QueueItem item) => Read(() => _deliveries.GetValueOrDefault(item.ItemId));

    /// <summary>Publishes now; a worker waiting for an item takes it inline, on this thread.</summary>
    public void Publish(params QueueItem[] items) => Inline.Run(() => PublishAsync(items, null, CancellationToken.None).GetAwaiter().GetResult());

    public Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var added = 0;
        lock (_sync)
        {
            foreach (var item in items.Where(i => !_dueAt.ContainsKey(i.ItemId)))
            {
                _items.Add(item);
                _dueAt[item.ItemId] = notBefore ?? time.GetUtcNow();
                added++;
            }
        }

        Wake();
        return Task.FromResult(added);
    }

    public async Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + maxWait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long seen;
            TimeSpan wait;
            lock (_sync)
            {
                var now = time.GetUtcNow();
                if (_items.FirstOrDefault(i => _dueAt[i.ItemId] <= now) is { } due)
                {
                    _dueAt[due.ItemId] = now + lockDuration;
                    var deliveries = _deliveries[due.ItemId] = _deliveries.GetValueOrDefault(due.ItemId) + 1;
                    var token = _lockTokens[due.ItemId] = Guid.NewGuid().ToString("N");
                    return new QueueLease(due.ItemId, token, due, deliveries, now + lockDuration);
                }

                if (now >= deadline)
                {
                    return null;
                }

                wait = _dueAt.Values.Where(d => d > now).Append(deadline).Min() - now;
                seen = _version;
            }

            // Continuations inline on purpose: whoever wakes the receiver (a publish, the clock) runs the worker's reply.
            // Idle only once the timer exists, so that a test that advances the clock on Idle cannot get ahead of it.
            var waiting = new TaskCompletionSource();
            using (time.CreateTimer(static w => ((TaskCompletionSource)w!).TrySetResult(), waiting, wait, Timeout.InfiniteTimeSpan))
            using (cancellationToken.Register(static w => ((TaskCompletionSource)w!).TrySetResult(), waiting))
            {
                bool parked;
                lock (_sync)
                {
                    // A change since the look above: look again instead of waiting for a wake-up that has already been.
                    parked = _version == seen;
                    _waiting = parked ? waiting : null;
                }

                if (parked)
                {
                    changes.Notify();
                    await waiting.Task;
                }
            }
        }
    }

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) => Settle(lease, () =>
    {
        Remove(lease.ItemId);
        _completed.Add(lease.ItemId);
    });

    public Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken) => Settle(lease, () =>
    {
        _dueAt[lease.ItemId] = time.GetUtcNow() + delay;
        _lockTokens.Remove(lease.ItemId);
        _abandoned.Add((lease.ItemId, delay));
    });

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) => Settle(lease, () =>
    {
        Remove(lease.ItemId);
        _deadLetters.Add(new DeadLetter(lease.ItemId, lease.Message, reason, description, lease.DeliveryCount, time.GetUtcNow()));
    });

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>(Read(() => _deadLetters.AsEnumerable().Reverse().Take(max).ToList()));

    public async Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken)
    {
        DeadLetter? letter;
        lock (_sync)
        {
            letter = _deadLetters.FirstOrDefault(d => d.ItemId == itemId);
            if (letter is not null)
            {
                _deadLetters.Remove(letter);
                _deliveries.Remove(itemId);
            }
        }

        return letter is not null && await PublishAsync([letter.Message], null, cancellationToken) == 1;
    }

    public Task<QueueCounts> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Read(() => new QueueCounts(_items.Count, _deadLetters.Count)));

    private Task Settle(QueueLease lease, Action settle)
    {
        lock (_sync)
        {
            if (_lockTokens.GetValueOrDefault(lease.ItemId) != lease.LockToken || time.GetUtcNow() > lease.LockedUntil)
            {
                return Task.FromException(new LockLostException($"the lock on {lease.ItemId} is lost"));
            }

            settle();
        }

        Wake();
        return Task.CompletedTask;
    }

    private void Remove(string itemId)
    {
        _items.RemoveAll(i => i.ItemId == itemId);
        _dueAt.Remove(itemId);
        _lockTokens.Remove(itemId);
    }

    private void Wake()
    {
        TaskCompletionSource? waiting;
        lock (_sync)
        {
            _version++;
            waiting = _waiting;
            _waiting = null;
        }

        changes.Notify();
        waiting?.TrySetResult();
    }

    private T Read<T>(Func<T> read)
    {
        lock (_sync)
        {
            return read();
        }
    }
}

using Azure.Messaging.ServiceBus;
using SmsGateway.Azure.ServiceBus;

namespace SmsGateway.Testing.ServiceBus;

/// <summary>
/// An in-memory Service Bus topic behind the SDK-boundary seam, with the semantics the adapter relies
/// on: peek-lock with lock expiry on a <see cref="TimeProvider"/>, delivery counts and the
/// subscription's MaxDeliveryCount, duplicate detection by MessageId within a window, scheduled
/// messages held by the topic, subscription filters, dead-letter sub-queues, a batch size limit and a
/// quota. Errors are the SDK's own <see cref="ServiceBusException"/> reasons.
/// </summary>
public sealed class InMemoryServiceBus(TimeProvider time) : IServiceBusChannel
{
    public const int MaxBatchBytes = 256 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, InMemorySubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _seenMessageIds = new(StringComparer.Ordinal);
    private readonly List<InMemoryEntry> _scheduled = [];
    private long _sequence;

    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Active plus scheduled messages the topic takes before it answers QuotaExceeded.</summary>
    public int? Quota { get; set; }

    /// <summary>Every operation in order ("send id", "complete id", …), for tests that care about order.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Every message the topic accepted or dropped as a duplicate, as sent.</summary>
    public List<ServiceBusMessage> Sent { get; } = [];

    public static bool IsHighPriority(IReadOnlyDictionary<string, object> properties) =>
        properties.TryGetValue(ServiceBusProperties.Priority, out var p) && p as string == "high";

    public InMemoryServiceBus AddSubscription(string name, Func<IReadOnlyDictionary<string, object>, bool>? filter = null, TimeSpan? lockDuration = null, int maxDeliveryCount = 10)
    {
        _subscriptions.Add(name, new InMemorySubscription(name, filter ?? (_ => true), lockDuration ?? TimeSpan.FromMinutes(1), maxDeliveryCount));
        return this;
    }

    /// <summary>A copy of <see cref="Log"/> that is safe to take while other tasks use the bus.</summary>
    public IReadOnlyList<string> LogSnapshot()
    {
        lock (_gate)
        {
            return Log.ToList();
        }
    }

    /// <summary>A subscription whose rule is the SQL filter <paramref name="sqlFilter"/>, as a namespace would evaluate it.</summary>
    public InMemoryServiceBus AddSubscription(string name, string sqlFilter, TimeSpan? lockDuration = null) =>
        AddSubscription(name, SqlRuleFilter.Parse(sqlFilter), lockDuration);

    public Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Pump();
            if (messages.Sum(m => m.Body.ToMemory().Length + 512) > MaxBatchBytes)
            {
                throw new ServiceBusException("The batch is larger than the limit.", ServiceBusFailureReason.MessageSizeExceeded);
            }

            if (Quota is { } quota && _scheduled.Count + _subscriptions.Values.Sum(s => s.Active.Count) + messages.Count > quota)
            {
                throw new ServiceBusException("The topic is at its quota.", ServiceBusFailureReason.QuotaExceeded);
            }

            foreach (var message in messages)
            {
                Sent.Add(message);
                Log.Add("send " + message.MessageId);
                if (!_seenMessageIds.TryAdd(message.MessageId, now))
                {
                    continue; // Duplicate detection: dropped without telling the sender.
                }

                var entry = InMemoryEntry.From(message);
                if (entry.ScheduledEnqueueTime > now)
                {
                    _scheduled.Add(entry);
                }
                else
                {
                    Distribute(entry, now);
                }
            }
        }

        return Task.CompletedTask;
    }

    public async Task<ServiceBusReceivedMessage?> ReceiveAsync(ServiceBusSource source, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                var now = Pump();
                var subscription = _subscriptions[source.Subscription];
                var entries = source.DeadLetterQueue ? subscription.DeadLetters : subscription.Active;
                foreach (var entry in entries.Where(e => e.LockedUntil <= now).OrderBy(e => e.SequenceNumber).ToList())
                {
                    if (!source.DeadLetterQueue && entry.DeliveryCount >= subscription.MaxDeliveryCount)
                    {
                        MoveToDeadLetters(subscription, entry, now, "MaxDeliveryCountExceeded", $"Message could not be consumed after {entry.DeliveryCount} delivery attempts.");
                        continue;
                    }

                    entry.DeliveryCount++;
                    entry.LockToken = Guid.NewGuid();
                    entry.LockedUntil = now + subscription.LockDuration;
                    Log.Add($"receive {entry.MessageId} from {source}");
                    return entry.ToReceived(locked: true);
                }
            }

            if (maxWait <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(maxWait, time, cancellationToken);
            maxWait = TimeSpan.Zero;
        }
    }

    public Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekAsync(ServiceBusSource source, long fromSequenceNumber, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Pump();
            var subscription = _subscriptions[source.Subscription];
            var entries = source.DeadLetterQueue ? subscription.DeadLetters : subscription.Active;
            return Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(entries
                .Where(e => e.SequenceNumber >= fromSequenceNumber)
                .OrderBy(e => e.SequenceNumber)
                .Take(max)
                .Select(e => e.ToReceived(locked: false))
                .ToList());
        }
    }

    public Task CompleteAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken) =>
        Settle(source, message, "complete", (subscription, entries, entry, _) => entries.Remove(entry));

    public async Task<DateTimeOffset> RenewLockAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        var lockedUntil = default(DateTimeOffset);
        await Settle(source, message, "renew", (subscription, _, entry, now) => lockedUntil = entry.LockedUntil = now + subscription.LockDuration);
        return lockedUntil;
    }

    public Task AbandonAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken) =>
        Settle(source, message, "abandon", (_, _, entry, _) =>
        {
            entry.LockToken = default;
            entry.LockedUntil = default;
        });

    public Task DeadLetterAsync(
        ServiceBusSource source,
        ServiceBusReceivedMessage message,
        IDictionary<string, object> propertiesToModify,
        string reason,
        string description,
        CancellationToken cancellationToken) =>
        Settle(source, message, "deadletter", (subscription, _, entry, now) =>
        {
            foreach (var (key, value) in propertiesToModify)
            {
                entry.Properties[key] = value;
            }

            MoveToDeadLetters(subscription, entry, now, reason, description);
        });

    public Task<ServiceBusCounts> GetCountsAsync(IReadOnlyList<string> subscriptions, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Pump();
            var selected = subscriptions.Select(s => _subscriptions[s]).ToList();
            return Task.FromResult(new ServiceBusCounts(selected.Sum(s => s.Active.Count), selected.Sum(s => s.DeadLetters.Count), _scheduled.Count));
        }
    }

    private Task Settle(ServiceBusSource source, ServiceBusReceivedMessage message, string operation, Action<InMemorySubscription, List<InMemoryEntry>, InMemoryEntry, DateTimeOffset> settle)
    {
        lock (_gate)
        {
            var now = Pump();
            var subscription = _subscriptions[source.Subscription];
            var entries = source.DeadLetterQueue ? subscription.DeadLetters : subscription.Active;
            var token = Guid.Parse(message.LockToken);
            var entry = entries.FirstOrDefault(e => e.LockToken == token && token != default);
            if (entry is null || entry.LockedUntil <= now)
            {
                throw new ServiceBusException("The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.", ServiceBusFailureReason.MessageLockLost);
            }

            Log.Add($"{operation} {entry.MessageId} from {source}");
            settle(subscription, entries, entry, now);
            return Task.CompletedTask;
        }
    }

    private static void MoveToDeadLetters(InMemorySubscription subscription, InMemoryEntry entry, DateTimeOffset now, string reason, string description)
    {
        subscription.Active.Remove(entry);
        entry.Properties["DeadLetterReason"] = reason;
        entry.Properties["DeadLetterErrorDescription"] = description;
        entry.LockToken = default;
        entry.LockedUntil = default;
        entry.EnqueuedTime = now;
        subscription.DeadLetters.Add(entry);
    }

    // Time moves on its own in Service Bus; here each call first brings the topic up to "now".
    private DateTimeOffset Pump()
    {
        var now = time.GetUtcNow();
        foreach (var (id, seen) in _seenMessageIds.Where(p => p.Value + DuplicateDetectionWindow <= now).ToList())
        {
            _seenMessageIds.Remove(id);
        }

        foreach (var due in _scheduled.Where(e => e.ScheduledEnqueueTime <= now).ToList())
        {
            _scheduled.Remove(due);
            Distribute(due, now);
        }

        return now;
    }

    private void Distribute(InMemoryEntry entry, DateTimeOffset now)
    {
        foreach (var subscription in _subscriptions.Values.Where(s => s.Filter(entry.Properties)))
        {
            var copy = entry.Copy();
            copy.SequenceNumber = ++_sequence;
            copy.EnqueuedTime = now;
            subscription.Active.Add(copy);
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// The queue port on a Service Bus topic. What Service Bus cannot do the way the port says:
/// <list type="bullet">
/// <item><see cref="PublishAsync"/> returns <c>items.Count</c>: duplicate detection (by MessageId = item id,
/// within the topic's window) drops a repeated publish silently, and nothing tells the sender.</item>
/// <item>The lock lasts the subscription's <c>LockDuration</c>, whatever <c>lockDuration</c> asks; the lease
/// reports the real <see cref="QueueLease.LockedUntil"/>. Provision it at least as long as <c>Outbound:LockDuration</c>.
/// While the item is held the lock is renewed for up to <see cref="ServiceBusQueueOptions.MaxLockRenewal"/>.</item>
/// <item>Priority needs a second subscription (<see cref="ServiceBusQueueOptions.HighPrioritySubscription"/>).</item>
/// <item>An abandon with a delay cannot delay the original message, so a clone with a new MessageId is
/// scheduled and the original completed, in that order; a crash in between leaves a duplicate item, which
/// the processor tolerates (the store says the destination is no longer waiting).</item>
/// </list>
/// </summary>
public sealed partial class ServiceBusOutboundQueue : IOutboundQueue
{
    // A standard-tier batch holds 256 KB; stay well below it, headers and properties included.
    internal const int MaxBatchBytes = 192 * 1024;
    private const int MaxDescriptionLength = 4096;

    // When a high-priority subscription exists, the main one is waited on in slices so that a
    // high-priority item arriving meanwhile is noticed within one slice.
    private static readonly TimeSpan PollSlice = TimeSpan.FromSeconds(1);

    // A settled or abandoned lease is forgotten at once; an unsettled one a while after its lock ended.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(1);

    private readonly IServiceBusChannel _channel;
    private readonly ServiceBusQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceBusOutboundQueue> _logger;
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly ServiceBusDeadLetters _deadLetters;
    private readonly AgentRouter _router;

    public ServiceBusOutboundQueue(IServiceBusChannel channel, ServiceBusQueueOptions options, TimeProvider time, ILogger<ServiceBusOutboundQueue> logger)
    {
        _channel = channel;
        _options = options;
        _router = new AgentRouter(options.Routes);
        _time = time;
        _logger = logger;
        _deadLetters = new ServiceBusDeadLetters(channel, options.ReceiveOrder, SendAsync, logger);
    }

    public async Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var enqueueAt = notBefore > _time.GetUtcNow() ? notBefore : null;
        var messages = items.Select(i => ServiceBusEnvelope.Create(i, i.ItemId, _router.Route(i.To), priorDeliveries: 0, enqueueAt)).ToList();

        // Atomic per batch only: a larger publish is split, and a crash in between leaves the rest to queue recovery.
        foreach (var batch in ServiceBusEnvelope.Batches(messages, MaxBatchBytes))
        {
            await SendAsync(batch, cancellationToken);
        }

        return items.Count;
    }

    public async Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ForgetExpiredLeases();
        var deadline = _time.GetUtcNow() + maxWait;
        var sources = _options.ReceiveOrder.Select(s => new ServiceBusSource(s)).ToList();
        while (true)
        {
            var skippedPoison = false;
            foreach (var source in sources)
            {
                var remaining = deadline - _time.GetUtcNow();
                var wait = source != sources[^1] || remaining <= TimeSpan.Zero ? TimeSpan.Zero
                    : sources.Count > 1 && remaining > PollSlice ? PollSlice : remaining;
                var message = await _channel.ReceiveAsync(source, wait, cancellationToken);
                if (message is null)
                {
                    continue;
                }

                if (await ToLeaseAsync(source, message, cancellationToken) is { } lease)
                {
                    return lease;
                }

                // An unreadable message was set aside; look again at once, from the highest priority.
                skippedPoison = true;
                break;
            }

            if (!skippedPoison && _time.GetUtcNow() >= deadline)
            {
                return null;
            }
        }
    }

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) =>
        SettleAsync(lease, (held, ct) => _channel.CompleteAsync(held.Source, held.Message, ct), cancellationToken);

    public async Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            await SettleAsync(lease, (held, ct) => _channel.AbandonAsync(held.Source, held.Message, ct), cancellationToken);
            return;
        }

        // Service Bus cannot hide an abandoned message for a while, so the retry is a scheduled clone
        // carrying the delivery count; it is sent before the original is completed, never after.
        if (!_held.TryGetValue(lease.LockToken, out var held))
        {
            throw new LockLostException($"Queue item {lease.ItemId} is not locked by this receiver (any more).");
        }

        var clone = ServiceBusEnvelope.Clone(held.Message, lease.Message, lease.DeliveryCount, _time.GetUtcNow() + delay);
        await SendAsync([clone], cancellationToken);
        await CompleteAsync(lease, cancellationToken);
    }

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object>
        {
            [ServiceBusProperties.DeadLetteredAt] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            [ServiceBusProperties.DeadLetterDeliveryCount] = lease.DeliveryCount,
        };
        var text = description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description;
        return SettleAsync(lease, (held, ct) => _channel.DeadLetterAsync(held.Source, held.Message, properties, reason, text, ct), cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) =>
        _deadLetters.ListAsync(max, cancellationToken);

    public Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken) =>
        _deadLetters.ReplayAsync(itemId, cancellationToken);

    public long? Capacity => null;

    public async Task<QueueCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await _channel.GetCountsAsync(_options.ReceiveOrder, cancellationToken);
        return new QueueCounts(counts.Active + counts.Scheduled, counts.DeadLettered);
    }

    private async Task<QueueLease?> ToLeaseAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        QueueItem item;
        try
        {
            item = ServiceBusEnvelope.Read(message);
        }
        catch (InvalidDataException ex)
        {
            // Poison: it would fail the same way on every delivery, so it goes to the dead letters at once.
            LogUnreadable(_logger, message.MessageId, ex.Message);
            await _channel.DeadLetterAsync(source, message, new Dictionary<string, object>(), "UnreadableMessage", ex.Message, cancellationToken);
            return null;
        }

        _held[message.LockToken] = new Held(source, message, ServiceBusLockRenewal.Start(_channel, source, message, _options.MaxLockRenewal, _time, _logger));
        var deliveries = ServiceBusEnvelope.PriorDeliveries(message) + message.DeliveryCount;
        return new QueueLease(item.ItemId, message.LockToken, item, deliveries, message.LockedUntil);
    }

    private async Task SettleAsync(QueueLease lease, Func<Held, CancellationToken, Task> settle, CancellationToken cancellationToken)
    {
        if (!_held.TryGetValue(lease.LockToken, out var held))
        {
            throw new LockLostException($"Queue item {lease.ItemId} is not locked by this receiver (any more).");
        }

        try
        {
            await settle(held, cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            Forget(lease.LockToken);
            throw new LockLostException($"The lock on queue item {lease.ItemId} expired.", ex);
        }

        Forget(lease.LockToken);
    }

    internal async Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.SendAsync(messages, cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.QuotaExceeded)
        {
            throw new QueueFullException("The Service Bus topic is at its quota.", ex);
        }
    }

    private void ForgetExpiredLeases()
    {
        var cutoff = _time.GetUtcNow() - ForgetAfter;
        foreach (var (token, held) in _held)
        {
            if (held.Renewal.LockedUntil < cutoff)
            {
                Forget(token);
            }
        }
    }

    private void Forget(string lockToken)
    {
        if (_held.TryRemove(lockToken, out var held))
        {
            held.Renewal.Dispose();
        }
    }

    private sealed record Held(ServiceBusSource Source, ServiceBusReceivedMessage Message, ServiceBusLockRenewal Renewal);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Dead-lettered Service Bus message {ServiceBusMessageId}: unreadable ({Problem})")]
    private static partial void LogUnreadable(ILogger logger, string serviceBusMessageId, string problem);

}

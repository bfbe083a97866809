using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// Lists and replays the dead-letter sub-queues of the queue's subscriptions. A replay sends a clone
/// with a new MessageId (the item id may still be inside the duplicate-detection window) and a fresh
/// delivery count, then completes the dead letter.
/// </summary>
internal sealed partial class ServiceBusDeadLetters(
    IServiceBusChannel channel,
    IReadOnlyList<string> subscriptions,
    Func<IReadOnlyList<ServiceBusMessage>, CancellationToken, Task> send,
    ILogger logger)
{
    private const int PeekPage = 250;
    private const int MaxDeadLetterScan = 5000;

    private readonly IServiceBusChannel _channel = channel;
    private readonly Func<IReadOnlyList<ServiceBusMessage>, CancellationToken, Task> _send = send;
    private readonly ILogger _logger = logger;
    private readonly IReadOnlyList<ServiceBusSource> _sources = subscriptions.Select(s => new ServiceBusSource(s)).ToList();

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        // Service Bus lists a dead-letter queue oldest first only, so all of it is read (up to a bound) and sorted here.
        var found = new List<DeadLetter>();
        foreach (var source in _sources)
        {
            await foreach (var message in PeekAllAsync(source.ToDeadLetterQueue(), cancellationToken))
            {
                if (ToDeadLetter(message) is { } dead)
                {
                    found.Add(dead);
                }
            }
        }

        return found.OrderByDescending(d => d.DeadLetteredAt).Take(max).ToList();
    }

    public async Task<bool> ReplayAsync(string itemId, CancellationToken cancellationToken)
    {
        foreach (var source in _sources.Select(s => s.ToDeadLetterQueue()))
        {
            // Peek first so that asking for an unknown item does not lock the whole dead-letter queue.
            var present = false;
            await foreach (var peeked in PeekAllAsync(source, cancellationToken))
            {
                present |= ItemIdOf(peeked) == itemId;
            }

            if (present && await ReplayFromAsync(source, itemId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> ReplayFromAsync(ServiceBusSource source, string itemId, CancellationToken cancellationToken)
    {
        var skipped = new List<ServiceBusReceivedMessage>();
        try
        {
            for (var i = 0; i < MaxDeadLetterScan; i++)
            {
                var message = await _channel.ReceiveAsync(source, TimeSpan.Zero, cancellationToken);
                if (message is null)
                {
                    return false;
                }

                if (ItemIdOf(message) != itemId)
                {
                    skipped.Add(message);
                    continue;
                }

                // The clone goes out before the dead letter is removed: a crash in between duplicates, never loses.
                var clone = ServiceBusEnvelope.Clone(message, ServiceBusEnvelope.Read(message), priorDeliveries: 0, enqueueAt: null);
                await _send([clone], cancellationToken);
                await _channel.CompleteAsync(source, message, cancellationToken);
                LogReplayed(_logger, itemId);
                return true;
            }

            return false;
        }
        finally
        {
            foreach (var message in skipped)
            {
                await ReleaseAsync(source, message);
            }
        }
    }

    private async Task ReleaseAsync(ServiceBusSource source, ServiceBusReceivedMessage message)
    {
        try
        {
            await _channel.AbandonAsync(source, message, CancellationToken.None);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            // Its lock ran out already; it is receivable again either way.
        }
    }

    private async IAsyncEnumerable<ServiceBusReceivedMessage> PeekAllAsync(
        ServiceBusSource source,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long from = 0;
        for (var seen = 0; seen < MaxDeadLetterScan;)
        {
            var page = await _channel.PeekAsync(source, from, PeekPage, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var message in page)
            {
                yield return message;
            }

            seen += page.Count;
            from = page[^1].SequenceNumber + 1;
        }
    }

    private static DeadLetter? ToDeadLetter(ServiceBusReceivedMessage message)
    {
        try
        {
            var item = ServiceBusEnvelope.Read(message);
            var deliveries = ServiceBusEnvelope.IntProperty(message, ServiceBusProperties.DeadLetterDeliveryCount)
                ?? ServiceBusEnvelope.PriorDeliveries(message) + message.DeliveryCount;
            var at = ServiceBusEnvelope.TimeProperty(message, ServiceBusProperties.DeadLetteredAt) ?? message.EnqueuedTime;
            return new DeadLetter(item.ItemId, item, message.DeadLetterReason ?? string.Empty, message.DeadLetterErrorDescription ?? string.Empty, deliveries, at);
        }
        catch (InvalidDataException)
        {
            // Not an item this gateway can replay; operators see it in the portal.
            return null;
        }
    }

    private static string? ItemIdOf(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue(ServiceBusProperties.ItemId, out var id) ? id as string : null;

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Replayed dead-lettered queue item {ItemId}")]
    private static partial void LogReplayed(ILogger logger, string itemId);
}

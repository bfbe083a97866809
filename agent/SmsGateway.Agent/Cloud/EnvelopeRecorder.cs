using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Text;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// Keeps the agent's own record of what it sends. In cloud mode the message was accepted by the cloud, so
/// the local store first learns of it from the queue envelope: this writes the record the processor then
/// moves through <c>sending</c> and <c>sent</c>, as in standalone mode.
/// </summary>
public sealed class EnvelopeRecorder(IMessageStore store, MessageUpdater updater, TimeProvider time)
{
    private const int MaxTries = 10;

    /// <summary>Makes sure the local store has <paramref name="item"/>; <paramref name="deliveryCount"/> is the lease's, this delivery included.</summary>
    public async Task EnsureRecordAsync(QueueItem item, int deliveryCount, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(item.MessageId, cancellationToken);
            if (stored is null)
            {
                await store.CreateAsync(NewRecord(item), null, cancellationToken);
                return;
            }

            var destinations = stored.Message.Destinations;
            if (item.DestinationIndex < destinations.Count && destinations[item.DestinationIndex].Address == item.To)
            {
                await AcceptReplayAsync(item, destinations[item.DestinationIndex], deliveryCount, cancellationToken);
                return;
            }

            // Another destination of a message this agent has seen before: add it to the record.
            try
            {
                await store.UpdateAsync(WithDestination(stored.Message, item), stored.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxTries)
            {
                continue;
            }
        }
    }

    // The cloud owns the retry budget: an envelope for a destination this agent failed means an operator
    // replayed its dead letter there. Without this the processor would find "failed" and drop it unsent.
    // An "unknown" one is taken as replayed only on a first delivery (a replay is a fresh clone): a
    // redelivery is Service Bus handing back the envelope this agent was sending when it stopped, and
    // sending that again is exactly what Outbound:AfterCrash=unknown forbids.
    private async Task AcceptReplayAsync(QueueItem item, Destination destination, int deliveryCount, CancellationToken cancellationToken)
    {
        var replayed = destination.Status == DestinationStatus.Failed
            || (destination.Status == DestinationStatus.Unknown && deliveryCount == 1);
        if (!replayed)
        {
            return;
        }

        await updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status is DestinationStatus.Failed or DestinationStatus.Unknown
            ? d.MoveTo(DestinationStatus.Queued) with { AttemptsBeforeReplay = d.Attempts, NextAttemptAt = null }
            : null, cancellationToken);
    }

    private Message NewRecord(QueueItem item)
    {
        var now = time.GetUtcNow();
        var info = SmsTextAnalyzer.Analyze(item.Text);
        return new Message
        {
            Id = item.MessageId,
            Text = item.Text,
            Priority = item.Priority,
            Encoding = info.Encoding,
            Segments = info.Segments,
            Destinations = Pad([], item),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private Message WithDestination(Message message, QueueItem item) =>
        message with { Destinations = Pad(message.Destinations, item), UpdatedAt = time.GetUtcNow() };

    // Destinations another agent sends stay placeholders (no address) so the indexes match the cloud's.
    private static Destination[] Pad(IReadOnlyList<Destination> existing, QueueItem item)
    {
        var destinations = new Destination[Math.Max(existing.Count, item.DestinationIndex + 1)];
        for (var i = 0; i < destinations.Length; i++)
        {
            destinations[i] = i < existing.Count ? existing[i] : Destination.Sms(string.Empty);
        }

        destinations[item.DestinationIndex] = Destination.Sms(item.To);
        return destinations;
    }
}

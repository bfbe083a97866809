using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Storage;

/// <summary>
/// Applies a change to one destination with optimistic concurrency: on a conflict it reads the
/// record again and re-applies the change, so concurrent updates to other destinations of the same
/// message (delivery reports, other workers) are never overwritten.
/// </summary>
public sealed class MessageUpdater(IMessageStore store, TimeProvider time)
{
    private const int MaxTries = 20;

    /// <summary>
    /// Changes destination <paramref name="index"/> of message <paramref name="messageId"/>.
    /// <paramref name="change"/> returns null to leave the record as it is. Returns the stored
    /// message, or null when the message does not exist.
    /// </summary>
    public async Task<Message?> UpdateDestinationAsync(
        string messageId,
        int index,
        Func<Destination, Destination?> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(messageId, cancellationToken);
            if (stored is null || index < 0 || index >= stored.Message.Destinations.Count)
            {
                return null;
            }

            var changed = change(stored.Message.Destinations[index]);
            if (changed is null)
            {
                return stored.Message;
            }

            var updated = stored.Message.WithDestination(index, changed, time.GetUtcNow());
            try
            {
                await store.UpdateAsync(updated, stored.ETag, cancellationToken);
                return updated;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxTries)
            {
                // Someone else wrote first; read their version and apply the change to it.
            }
        }
    }
}

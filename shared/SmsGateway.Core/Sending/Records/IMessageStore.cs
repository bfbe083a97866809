using SmsGateway.Core.Domain;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// The state store port: message records with optimistic concurrency, and idempotency keys that
/// are claimed insert-if-absent. Shaped so Azure Table storage can implement it (ETags, point reads).
/// </summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores a new message. With a <paramref name="claim"/>, the key is claimed in the same step:
    /// when another message holds it already nothing is written and the outcome names that message.
    /// </summary>
    Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken);

    /// <summary>
    /// The message that holds idempotency key <paramref name="key"/> and the hash of the request that claimed it;
    /// null when nobody holds it. Lets a retry of an accepted request be replayed even when a new request would be
    /// refused (a limit reached, the queue full).
    /// </summary>
    Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads a message; null when there is none with that id.</summary>
    Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the message if its stored ETag still equals <paramref name="etag"/>; returns the new
    /// ETag. Throws <see cref="ConcurrencyConflictException"/> otherwise.
    /// </summary>
    Task<string> UpdateAsync(Message message, string etag, CancellationToken cancellationToken) =>
        UpdateAsync(message, etag, [], cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(Message, string, CancellationToken)"/>, and stores <paramref name="events"/> in the same
    /// transaction, each with a pending delivery to every endpoint that wants it: the events of a change are durable
    /// exactly when the change is, so a crash can lose neither one alone.
    /// </summary>
    Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken);

    /// <summary>Ids of messages that have a destination in <paramref name="status"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken);
}

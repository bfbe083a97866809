using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// The inbound store port: received parts, multipart sets and assembled messages. Every write is a
/// single-row insert-if-absent or upsert, so Azure Table storage can implement it without
/// transactions (parts and sets partitioned by set key, messages by a time-ordered row key).
/// Callers make the steps idempotent; the store only has to make each write durable before it returns.
/// </summary>
public interface IInboundStore
{
    /// <summary>Reads a part by its identity; null when it was never stored.</summary>
    Task<InboundPartRecord?> GetPartAsync(string setKey, string partId, CancellationToken cancellationToken);

    /// <summary>Stores the part unless one with its <see cref="InboundPartRecord.Id"/> exists; false when it existed.</summary>
    Task<bool> AddPartAsync(InboundPartRecord part, CancellationToken cancellationToken);

    /// <summary>The parts collected in set <paramref name="setId"/>, by part number.</summary>
    Task<IReadOnlyList<InboundPartRecord>> ListSetPartsAsync(string setKey, string setId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a set.</summary>
    Task SaveSetAsync(InboundSet set, CancellationToken cancellationToken);

    /// <summary>The newest set with <paramref name="setKey"/> (greatest id), or null.</summary>
    Task<InboundSet?> FindLatestSetAsync(string setKey, CancellationToken cancellationToken);

    /// <summary>Sets not yet released (open or releasing), oldest first.</summary>
    Task<IReadOnlyList<InboundSet>> ListUnreleasedSetsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Stores the message unless one with its id exists; false when it existed.</summary>
    Task<bool> AddMessageAsync(InboundMessage message, CancellationToken cancellationToken) =>
        AddMessageAsync(message, [], cancellationToken);

    /// <summary>
    /// As <see cref="AddMessageAsync(InboundMessage, CancellationToken)"/>, and stores <paramref name="events"/> in the same
    /// transaction when the message is new (nothing when it existed), each with a pending delivery to every endpoint that wants it.
    /// </summary>
    Task<bool> AddMessageAsync(InboundMessage message, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken);

    /// <summary>Reads a message; null when there is none with that id.</summary>
    Task<InboundMessage?> GetMessageAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Messages newest first (descending id), only those with an id below <paramref name="before"/>
    /// when it is given; at most <paramref name="limit"/>. <see cref="InboundPage.Next"/> is the id of
    /// the last item when more follow.
    /// </summary>
    Task<InboundPage> ListMessagesAsync(string? before, int limit, CancellationToken cancellationToken);
}

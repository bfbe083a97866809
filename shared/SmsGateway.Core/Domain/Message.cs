using SmsGateway.Core.Text;

namespace SmsGateway.Core.Domain;

/// <summary>
/// A message accepted by the gateway: one text to one or more destinations. Immutable; changes
/// return new instances that the store writes with optimistic concurrency.
/// </summary>
public sealed record Message
{
    /// <summary>Sortable id (UUIDv7, 32 hex digits without dashes).</summary>
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<Destination> Destinations { get; init; }

    public MessagePriority Priority { get; init; } = MessagePriority.Normal;

    public MessageOrigin Origin { get; init; } = MessageOrigin.Api;

    public string? IdempotencyKey { get; init; }

    public SmsEncoding Encoding { get; init; }

    public int Segments { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Free-form context of the origin, e.g. the Telegram chat that asked for this SMS.</summary>
    public string? OriginContext { get; init; }

    /// <summary>
    /// The API client (key name) that sent it, when one did. The per-key daily cap is counted again from these
    /// records after a restart, so it needs no journal of its own.
    /// </summary>
    public string? Client { get; init; }

    public MessageStatus Status => MessageStatusRules.Aggregate(Destinations.Select(d => d.Status).ToList());

    /// <summary>Creates a new message id: a UUIDv7, so ids sort by creation time.</summary>
    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>Returns this message with destination <paramref name="index"/> replaced.</summary>
    public Message WithDestination(int index, Destination destination, DateTimeOffset now)
    {
        var destinations = Destinations.ToArray();
        destinations[index] = destination;
        return this with { Destinations = destinations, UpdatedAt = now };
    }
}

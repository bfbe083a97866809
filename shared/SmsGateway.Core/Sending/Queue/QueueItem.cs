using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Queue;

/// <summary>
/// The queue envelope: one SMS for one destination of a message. It carries the text so that an
/// agent can send without reading the store (the cloud agent has no access to it).
/// </summary>
public sealed record QueueItem
{
    /// <summary>Version of this envelope's shape; readers refuse versions they do not know.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required string MessageId { get; init; }

    public required int DestinationIndex { get; init; }

    public required string To { get; init; }

    public required string Text { get; init; }

    public MessagePriority Priority { get; init; } = MessagePriority.Normal;

    /// <summary>The W3C <c>traceparent</c> of the request that queued this SMS, so its send joins that trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The queue item id: unique per destination, so publishing it twice is a no-op.</summary>
    public string ItemId => ItemIdFor(MessageId, DestinationIndex);

    public static string ItemIdFor(string messageId, int destinationIndex) => $"{messageId}.{destinationIndex}";
}

using Azure.Messaging.ServiceBus;

namespace SmsGateway.Testing.ServiceBus;

/// <summary>One message in a subscription, its dead-letter sub-queue, or the topic's schedule.</summary>
public sealed class InMemoryEntry
{
    public required BinaryData Body { get; init; }

    public required string MessageId { get; init; }

    public string? ContentType { get; init; }

    public string? Subject { get; init; }

    public required Dictionary<string, object> Properties { get; init; }

    public DateTimeOffset ScheduledEnqueueTime { get; init; }

    public long SequenceNumber { get; set; }

    public DateTimeOffset EnqueuedTime { get; set; }

    public int DeliveryCount { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public static InMemoryEntry From(ServiceBusMessage message) => new()
    {
        Body = message.Body,
        MessageId = message.MessageId,
        ContentType = message.ContentType,
        Subject = message.Subject,
        Properties = new Dictionary<string, object>(message.ApplicationProperties),
        ScheduledEnqueueTime = message.ScheduledEnqueueTime,
    };

    public InMemoryEntry Copy() => new()
    {
        Body = Body,
        MessageId = MessageId,
        ContentType = ContentType,
        Subject = Subject,
        Properties = new Dictionary<string, object>(Properties),
        ScheduledEnqueueTime = ScheduledEnqueueTime,
        DeliveryCount = DeliveryCount,
    };

    /// <summary>What a receiver sees; a peeked message has no lock.</summary>
    public ServiceBusReceivedMessage ToReceived(bool locked) => ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: Body,
        messageId: MessageId,
        contentType: ContentType,
        subject: Subject,
        properties: new Dictionary<string, object>(Properties),
        lockTokenGuid: locked ? LockToken : default,
        deliveryCount: DeliveryCount,
        lockedUntil: locked ? LockedUntil : default,
        sequenceNumber: SequenceNumber,
        enqueuedTime: EnqueuedTime,
        scheduledEnqueueTime: ScheduledEnqueueTime);
}

using Azure.Messaging.ServiceBus;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// The seam at the SDK boundary: exactly the Service Bus operations the queue adapter uses, on one
/// topic, in the SDK's own types. The real implementation forwards to <c>ServiceBusSender</c>,
/// <c>ServiceBusReceiver</c> (peek-lock) and <c>ServiceBusAdministrationClient</c>; tests use an
/// in-memory double with Service Bus semantics.
/// </summary>
public interface IServiceBusChannel
{
    /// <summary>Sends the messages to the topic in one batch; a message with <c>ScheduledEnqueueTime</c> waits until then.</summary>
    Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken);

    /// <summary>Receives and locks the next message (peek-lock); null when none came within <paramref name="maxWait"/>.</summary>
    Task<ServiceBusReceivedMessage?> ReceiveAsync(ServiceBusSource source, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="max"/> messages from <paramref name="fromSequenceNumber"/> on, without locking them.</summary>
    Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekAsync(ServiceBusSource source, long fromSequenceNumber, int max, CancellationToken cancellationToken);

    Task CompleteAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Extends the message's lock by the subscription's lock duration; returns the new end. Throws (MessageLockLost) once the lock is gone.</summary>
    Task<DateTimeOffset> RenewLockAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken);

    Task AbandonAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter sub-queue, changing <paramref name="propertiesToModify"/> on the way.</summary>
    Task DeadLetterAsync(
        ServiceBusSource source,
        ServiceBusReceivedMessage message,
        IDictionary<string, object> propertiesToModify,
        string reason,
        string description,
        CancellationToken cancellationToken);

    /// <summary>Counts of <paramref name="subscriptions"/> (summed) and of the topic's scheduled messages.</summary>
    Task<ServiceBusCounts> GetCountsAsync(IReadOnlyList<string> subscriptions, CancellationToken cancellationToken);
}

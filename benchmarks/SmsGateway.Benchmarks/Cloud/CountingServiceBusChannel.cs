using Azure.Messaging.ServiceBus;
using SmsGateway.Azure.ServiceBus;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>
/// Counts every call through the Service Bus seam as Service Bus bills it (Standard tier: each send,
/// receive, peek, settle is an operation), telling receives that found a message from empty polls.
/// </summary>
internal sealed class CountingServiceBusChannel(IServiceBusChannel inner, OperationCounter counter) : IServiceBusChannel
{
    public Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        counter.Add("send");
        return inner.SendAsync(messages, cancellationToken);
    }

    public async Task<ServiceBusReceivedMessage?> ReceiveAsync(ServiceBusSource source, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var message = await inner.ReceiveAsync(source, maxWait, cancellationToken);
        counter.Add(message is null ? "receiveEmpty" : "receive");
        return message;
    }

    public Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekAsync(ServiceBusSource source, long fromSequenceNumber, int max, CancellationToken cancellationToken)
    {
        counter.Add("peek");
        return inner.PeekAsync(source, fromSequenceNumber, max, cancellationToken);
    }

    public Task CompleteAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        counter.Add("complete");
        return inner.CompleteAsync(source, message, cancellationToken);
    }

    public Task<DateTimeOffset> RenewLockAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        counter.Add("renewLock");
        return inner.RenewLockAsync(source, message, cancellationToken);
    }

    public Task AbandonAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        counter.Add("abandon");
        return inner.AbandonAsync(source, message, cancellationToken);
    }

    public Task DeadLetterAsync(ServiceBusSource source, ServiceBusReceivedMessage message, IDictionary<string, object> propertiesToModify, string reason, string description, CancellationToken cancellationToken)
    {
        counter.Add("deadLetter");
        return inner.DeadLetterAsync(source, message, propertiesToModify, reason, description, cancellationToken);
    }

    public Task<ServiceBusCounts> GetCountsAsync(IReadOnlyList<string> subscriptions, CancellationToken cancellationToken)
    {
        // A management call (runtime properties); Service Bus does not bill these as messaging operations.
        counter.Add("getCounts");
        return inner.GetCountsAsync(subscriptions, cancellationToken);
    }
}

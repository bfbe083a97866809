using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>The real <see cref="IServiceBusChannel"/>: one sender to the topic and one peek-lock receiver per source.</summary>
public sealed class ServiceBusChannel : IServiceBusChannel, IAsyncDisposable
{
    // The SDK wants a positive wait, and a very short one can return empty while a message is on its way.
    internal static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    private readonly ServiceBusClient _client;
    private readonly ServiceBusAdministrationClient _administration;
    private readonly string _topic;
    private readonly ServiceBusSender _sender;
    private readonly ConcurrentDictionary<ServiceBusSource, ServiceBusReceiver> _receivers = new();

    public ServiceBusChannel(ServiceBusClient client, ServiceBusAdministrationClient administration, string topic)
    {
        _client = client;
        _administration = administration;
        _topic = topic;
        _sender = client.CreateSender(topic);
    }

    public Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken) =>
        _sender.SendMessagesAsync(messages, cancellationToken);

    public Task<ServiceBusReceivedMessage?> ReceiveAsync(ServiceBusSource source, TimeSpan maxWait, CancellationToken cancellationToken) =>
        Receiver(source).ReceiveMessageAsync(maxWait < MinimumWait ? MinimumWait : maxWait, cancellationToken)!;

    public async Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekAsync(ServiceBusSource source, long fromSequenceNumber, int max, CancellationToken cancellationToken) =>
        await Receiver(source).PeekMessagesAsync(max, fromSequenceNumber, cancellationToken);

    public Task CompleteAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken) =>
        Receiver(source).CompleteMessageAsync(message, cancellationToken);

    public async Task<DateTimeOffset> RenewLockAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        // The SDK updates the message's LockedUntil in place.
        await Receiver(source).RenewMessageLockAsync(message, cancellationToken);
        return message.LockedUntil;
    }

    public Task AbandonAsync(ServiceBusSource source, ServiceBusReceivedMessage message, CancellationToken cancellationToken) =>
        Receiver(source).AbandonMessageAsync(message, cancellationToken: cancellationToken);

    public Task DeadLetterAsync(
        ServiceBusSource source,
        ServiceBusReceivedMessage message,
        IDictionary<string, object> propertiesToModify,
        string reason,
        string description,
        CancellationToken cancellationToken) =>
        Receiver(source).DeadLetterMessageAsync(message, propertiesToModify, reason, description, cancellationToken);

    public async Task<ServiceBusCounts> GetCountsAsync(IReadOnlyList<string> subscriptions, CancellationToken cancellationToken)
    {
        long active = 0, dead = 0;
        foreach (var subscription in subscriptions)
        {
            SubscriptionRuntimeProperties properties = await _administration.GetSubscriptionRuntimePropertiesAsync(_topic, subscription, cancellationToken);
            active += properties.ActiveMessageCount;
            dead += properties.DeadLetterMessageCount;
        }

        TopicRuntimeProperties topic = await _administration.GetTopicRuntimePropertiesAsync(_topic, cancellationToken);
        return new ServiceBusCounts(active, dead, topic.ScheduledMessageCount);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var receiver in _receivers.Values)
        {
            await receiver.DisposeAsync();
        }

        await _sender.DisposeAsync();
    }

    // Settling must go through the receiver that received the message, so receivers are kept per source.
    private ServiceBusReceiver Receiver(ServiceBusSource source) =>
        _receivers.GetOrAdd(source, s => _client.CreateReceiver(_topic, s.Subscription, new ServiceBusReceiverOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            SubQueue = s.DeadLetterQueue ? SubQueue.DeadLetter : SubQueue.None,
            PrefetchCount = 0,
        }));
}

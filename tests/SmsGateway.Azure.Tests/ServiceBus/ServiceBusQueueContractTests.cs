using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>The queue contract against the adapter over the in-memory Service Bus double.</summary>
public sealed class ServiceBusQueueContractTests : QueueContractTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    internal static (InMemoryServiceBus Bus, ServiceBusOutboundQueue Queue) Create(TimeProvider time)
    {
        // No renewal: the contract's expiry tests stand for a receiver that stopped working on the item.
        var options = new ServiceBusQueueOptions { Subscription = "sms", HighPrioritySubscription = "sms-high", MaxLockRenewal = TimeSpan.Zero };

        // Service Bus takes the lock duration from the subscription, not the receive call; these are
        // provisioned with the 2 s lock the contract's expiry tests ask for.
        var bus = new InMemoryServiceBus(time)
            .AddSubscription("sms", p => !InMemoryServiceBus.IsHighPriority(p), TimeSpan.FromSeconds(2))
            .AddSubscription("sms-high", InMemoryServiceBus.IsHighPriority, TimeSpan.FromSeconds(2));
        return (bus, new ServiceBusOutboundQueue(bus, options, time, NullLogger<ServiceBusOutboundQueue>.Instance));
    }

    // Service Bus drops a repeated MessageId without telling the sender.
    protected override bool CountsDuplicatePublishes => false;

    protected override Task<IOutboundQueue> CreateQueueAsync() => Task.FromResult<IOutboundQueue>(Create(_time).Queue);

    protected override Task AdvanceAsync(TimeSpan span)
    {
        _time.Advance(span);
        return Task.CompletedTask;
    }

    protected override Task<DateTimeOffset> NowAsync() => Task.FromResult(_time.GetUtcNow());
}

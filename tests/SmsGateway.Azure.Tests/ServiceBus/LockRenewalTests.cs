using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>
/// A long send (a modem hanging through its retries) must not lose the item: the adapter renews the lock at the
/// SDK boundary (RenewMessageLock) while the item is held, up to <c>ServiceBus:MaxLockRenewal</c>.
/// </summary>
public sealed class LockRenewalTests
{
    private static readonly TimeSpan SubscriptionLock = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly InMemoryServiceBus _bus;

    public LockRenewalTests() => _bus = new InMemoryServiceBus(_time).AddSubscription("sms", lockDuration: SubscriptionLock);

    [Fact]
    public async Task HeldLongerThanTheLock_TheLockIsRenewed_NobodyElseGetsTheItem_AndItCanBeCompleted()
    {
        var worker = await PublishAndReceiveAsync(TimeSpan.FromMinutes(15));
        var other = Queue(TimeSpan.Zero);

        // Four minutes in steps of half a lock: one renewal per step.
        for (var step = 1; step <= 16; step++)
        {
            _time.Advance(SubscriptionLock / 2);
            await RenewalsReachAsync(step);
        }

        Assert.Null(await other.ReceiveAsync(SubscriptionLock, TimeSpan.Zero, CancellationToken.None));
        await worker.Queue.CompleteAsync(worker.Lease, CancellationToken.None);
        Assert.Null(await other.ReceiveAsync(SubscriptionLock, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task RenewalOff_TheLockEndsWithTheSubscriptionsLockDuration()
    {
        var worker = await PublishAndReceiveAsync(TimeSpan.Zero);

        _time.Advance(SubscriptionLock);

        await Assert.ThrowsAsync<LockLostException>(() => worker.Queue.CompleteAsync(worker.Lease, CancellationToken.None));
        Assert.Equal(0, Renewals());
    }

    [Fact]
    public async Task RenewalStopsAfterMaxLockRenewal_ThenTheItemIsDeliveredAgain()
    {
        var worker = await PublishAndReceiveAsync(TimeSpan.FromMinutes(1));

        for (var step = 1; step <= 3; step++)
        {
            _time.Advance(SubscriptionLock / 2);
            await RenewalsReachAsync(step);
        }

        // The last renewal (at 45 s) holds the lock to 75 s; at 60 s the renewal time is up.
        _time.Advance(SubscriptionLock / 2);
        _time.Advance(SubscriptionLock);
        var again = await Queue(TimeSpan.Zero).ReceiveAsync(SubscriptionLock, TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(again);
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal(3, Renewals());
    }

    private async Task<(ServiceBusOutboundQueue Queue, QueueLease Lease)> PublishAndReceiveAsync(TimeSpan maxLockRenewal)
    {
        var queue = Queue(maxLockRenewal);
        await queue.PublishAsync([new QueueItem { MessageId = "m1", DestinationIndex = 0, To = "+4915112345678", Text = "hi" }], null, CancellationToken.None);
        var lease = await queue.ReceiveAsync(SubscriptionLock, TimeSpan.Zero, CancellationToken.None);
        return (queue, lease!);
    }

    private ServiceBusOutboundQueue Queue(TimeSpan maxLockRenewal) =>
        new(_bus, new ServiceBusQueueOptions { MaxLockRenewal = maxLockRenewal }, _time, NullLogger<ServiceBusOutboundQueue>.Instance);

    private int Renewals() => _bus.LogSnapshot().Count(l => l.StartsWith("renew ", StringComparison.Ordinal));

    // The renewal runs on its own task once the fake clock fires its timer: poll with a deadline, no sleeps.
    private async Task RenewalsReachAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Renewals() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} renewal(s), saw {Renewals()}.");
            await Task.Yield();
        }
    }
}

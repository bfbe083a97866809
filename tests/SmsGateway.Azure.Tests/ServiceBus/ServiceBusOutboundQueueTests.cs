using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Azure.Tests.ServiceBus;

public sealed class ServiceBusOutboundQueueTests
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);
    private static readonly ServiceBusSource Main = new("sms");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly InMemoryServiceBus _bus;
    private readonly ServiceBusOutboundQueue _sut;

    public ServiceBusOutboundQueueTests() => (_bus, _sut) = ServiceBusQueueContractTests.Create(_time);

    private static QueueItem Item(string messageId, int index = 0, string text = "hello") =>
        new() { MessageId = messageId, DestinationIndex = index, To = "+4915112345678", Text = text };

    private async Task<QueueLease> ReceiveAsync() =>
        await _sut.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None) ?? throw new InvalidOperationException("nothing to receive");

    [Fact]
    public async Task Publish_UsesTheItemIdAsMessageIdWithEnvelopeProperties()
    {
        await _sut.PublishAsync([Item("m1", 2)], null, CancellationToken.None);

        var sent = Assert.Single(_bus.Sent);
        Assert.Equal("m1.2", sent.MessageId);
        Assert.Equal("m1", sent.ApplicationProperties[ServiceBusProperties.MessageId]);
        Assert.Equal(2, sent.ApplicationProperties[ServiceBusProperties.DestinationIndex]);
        Assert.Equal(1, sent.ApplicationProperties[ServiceBusProperties.SchemaVersion]);
        Assert.Equal("normal", sent.ApplicationProperties[ServiceBusProperties.Priority]);
    }

    [Fact]
    public async Task Publish_SameItemTwice_SendsTheSameMessageIdAndOnlyOneArrives()
    {
        // Service Bus drops the second silently, so the adapter cannot count it out.
        var first = await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        var second = await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        Assert.Equal((1, 1), (first, second));
        Assert.All(_bus.Sent, m => Assert.Equal("m1.0", m.MessageId));
        await ReceiveAsync();
        Assert.Null(await _sut.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Publish_SameItemAfterTheDuplicateDetectionWindow_ArrivesAgain()
    {
        // Why entities are provisioned with a long window: queue recovery re-publishes waiting items by their item id.
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        await _sut.CompleteAsync(await ReceiveAsync(), CancellationToken.None);
        _time.Advance(_bus.DuplicateDetectionWindow);

        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        Assert.Equal("m1.0", (await ReceiveAsync()).ItemId);
    }

    [Fact]
    public async Task Receive_LeaseCarriesTheServiceBusLockTokenAndLockExpiry()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        var lease = await ReceiveAsync();

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(2), lease.LockedUntil);
        Assert.True(Guid.TryParse(lease.LockToken, out var token) && token != Guid.Empty);
    }

    [Fact]
    public async Task AbandonWithDelay_SchedulesACloneWithANewMessageId_ThenCompletesTheOriginal()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        var lease = await ReceiveAsync();

        await _sut.AbandonAsync(lease, TimeSpan.FromMinutes(1), CancellationToken.None);

        var clone = _bus.Sent[^1];
        Assert.NotEqual("m1.0", clone.MessageId);
        Assert.Equal("m1.0", clone.ApplicationProperties[ServiceBusProperties.ItemId]);
        Assert.Equal(1, clone.ApplicationProperties[ServiceBusProperties.PriorDeliveries]);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(1), clone.ScheduledEnqueueTime);
        var sendAt = _bus.Log.IndexOf("send " + clone.MessageId);
        var completeAt = _bus.Log.IndexOf("complete m1.0 from sms");
        Assert.InRange(sendAt, 0, completeAt - 1);
        var counts = await _sut.CountAsync(CancellationToken.None);
        Assert.Equal(1, counts.Depth);
    }

    [Fact]
    public async Task AbandonWithDelay_Repeatedly_KeepsCountingDeliveriesAcrossClones()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var lease = await ReceiveAsync();
            counts.Add(lease.DeliveryCount);
            await _sut.AbandonAsync(lease, TimeSpan.FromSeconds(5), CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(6));
        }

        Assert.Equal([1, 2, 3], counts);
    }

    [Fact]
    public async Task AbandonWithoutDelay_ReleasesTheSameMessage()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        await _sut.AbandonAsync(await ReceiveAsync(), TimeSpan.Zero, CancellationToken.None);
        var again = await ReceiveAsync();

        Assert.Equal(2, again.DeliveryCount);
        Assert.Single(_bus.Sent);
    }

    [Fact]
    public async Task DeadLetter_AfterRetries_KeepsReasonDescriptionAndTheTotalDeliveryCount()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await _sut.AbandonAsync(await ReceiveAsync(), TimeSpan.FromSeconds(1), CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        await _sut.DeadLetterAsync(await ReceiveAsync(), "RetryLimitExceeded", "RetryLimitExceeded after 5 attempt(s): no network", CancellationToken.None);

        var dead = Assert.Single(await _sut.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(("m1.0", "RetryLimitExceeded", "RetryLimitExceeded after 5 attempt(s): no network", 5), (dead.ItemId, dead.Reason, dead.Description, dead.DeliveryCount));
        Assert.Equal(_time.GetUtcNow(), dead.DeadLetteredAt);
    }

    [Fact]
    public async Task ListDeadLetters_ReturnsNewestFirst_AndAtMostMax()
    {
        await _sut.PublishAsync([Item("a"), Item("b"), Item("c")], null, CancellationToken.None);
        foreach (var _ in "abc")
        {
            await _sut.DeadLetterAsync(await ReceiveAsync(), "PermanentError", "x", CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var dead = await _sut.ListDeadLettersAsync(2, CancellationToken.None);

        Assert.Equal(["c.0", "b.0"], dead.Select(d => d.ItemId));
    }

    [Fact]
    public async Task Replay_SendsAFreshCloneCompletesTheDeadLetterAndLeavesOthersAlone()
    {
        await _sut.PublishAsync([Item("a"), Item("b")], null, CancellationToken.None);
        await _sut.DeadLetterAsync(await ReceiveAsync(), "PermanentError", "a failed", CancellationToken.None);
        await _sut.DeadLetterAsync(await ReceiveAsync(), "PermanentError", "b failed", CancellationToken.None);

        Assert.True(await _sut.ReplayDeadLetterAsync("b.0", CancellationToken.None));

        var clone = _bus.Sent[^1];
        Assert.StartsWith("b.0~", clone.MessageId, StringComparison.Ordinal);
        Assert.Equal(0, clone.ApplicationProperties[ServiceBusProperties.PriorDeliveries]);
        Assert.Contains("complete b.0 from sms/$deadletterqueue", _bus.Log);
        var remaining = Assert.Single(await _sut.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal("a.0", remaining.ItemId);
        Assert.True(await _sut.ReplayDeadLetterAsync("a.0", CancellationToken.None));
        Assert.Equal(1, (await ReceiveAsync()).DeliveryCount);
    }

    [Fact]
    public async Task Complete_AfterTheLockExpired_ThrowsLockLost()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        var lease = await ReceiveAsync();
        _time.Advance(TimeSpan.FromSeconds(3));

        var thrown = await Assert.ThrowsAsync<LockLostException>(() => _sut.CompleteAsync(lease, CancellationToken.None));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, Assert.IsType<ServiceBusException>(thrown.InnerException).Reason);
    }

    [Fact]
    public async Task Complete_LeaseOfAnotherReceiver_ThrowsLockLost()
    {
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);
        var lease = await ReceiveAsync();
        var other = new ServiceBusOutboundQueue(_bus, new ServiceBusQueueOptions(), _time, NullLogger<ServiceBusOutboundQueue>.Instance);

        await Assert.ThrowsAsync<LockLostException>(() => other.CompleteAsync(lease, CancellationToken.None));
    }

    [Fact]
    public async Task Publish_WhenTheTopicIsAtItsQuota_ThrowsQueueFull()
    {
        _bus.Quota = 1;
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        await Assert.ThrowsAsync<QueueFullException>(() => _sut.PublishAsync([Item("m2")], null, CancellationToken.None));
    }

    [Fact]
    public async Task Publish_MoreThanOneBatchHolds_IsSentInSeveralBatches()
    {
        // 1000 destinations of a 10-part UCS-2 text: far over one batch (the double refuses oversized batches).
        var text = new string('€', 670);
        var items = Enumerable.Range(0, 1000).Select(i => Item("big", i, text)).ToList();

        await _sut.PublishAsync(items, null, CancellationToken.None);

        Assert.Equal(1000, (await _sut.CountAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task Receive_UnreadableBody_DeadLettersItAndReturnsTheNextItem()
    {
        await _bus.SendAsync([new ServiceBusMessage("not json") { MessageId = "junk" }], CancellationToken.None);
        await _sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        var lease = await ReceiveAsync();

        Assert.Equal("m1.0", lease.ItemId);
        var junk = Assert.Single(await _bus.PeekAsync(Main.ToDeadLetterQueue(), 0, 10, CancellationToken.None));
        Assert.Equal("UnreadableMessage", junk.DeadLetterReason);
    }

    [Fact]
    public async Task Receive_LockExpiringMoreOftenThanTheSubscriptionAllows_EndsAsADeadLetter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bus = new InMemoryServiceBus(time).AddSubscription("sms", lockDuration: TimeSpan.FromSeconds(1), maxDeliveryCount: 2);
        var sut = new ServiceBusOutboundQueue(bus, new ServiceBusQueueOptions(), time, NullLogger<ServiceBusOutboundQueue>.Instance);
        await sut.PublishAsync([Item("m1")], null, CancellationToken.None);

        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull(await sut.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Null(await sut.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
        var dead = Assert.Single(await sut.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(("MaxDeliveryCountExceeded", 2), (dead.Reason, dead.DeliveryCount));
    }

    [Fact]
    public async Task Receive_WithoutAHighPrioritySubscription_TakesItemsInOrder()
    {
        var bus = new InMemoryServiceBus(_time).AddSubscription("sms");
        var sut = new ServiceBusOutboundQueue(bus, new ServiceBusQueueOptions(), _time, NullLogger<ServiceBusOutboundQueue>.Instance);
        await sut.PublishAsync([Item("a"), Item("b") with { Priority = Core.Domain.MessagePriority.High }], null, CancellationToken.None);

        var first = await sut.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("a.0", first?.ItemId);
    }
}

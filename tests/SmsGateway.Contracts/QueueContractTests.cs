using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Contracts;

/// <summary>
/// What every <see cref="IOutboundQueue"/> must do. An adapter's test class derives from this and
/// supplies the queue and a way to let time pass (a fake clock, or a real wait for a cloud queue).
/// </summary>
public abstract class QueueContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    protected IOutboundQueue Queue { get; private set; } = null!;

    public async Task InitializeAsync() => Queue = await CreateQueueAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IOutboundQueue> CreateQueueAsync();

    /// <summary>
    /// False for a queue that cannot tell a repeated publish from a new one (Service Bus drops a
    /// duplicate MessageId silently): its PublishAsync returns items.Count, and only what a receiver
    /// sees is checked.
    /// </summary>
    protected virtual bool CountsDuplicatePublishes => true;

    /// <summary>Lets <paramref name="span"/> of queue time pass.</summary>
    protected abstract Task AdvanceAsync(TimeSpan span);

    protected static QueueItem Item(string messageId, int index = 0, MessagePriority priority = MessagePriority.Normal) =>
        new() { MessageId = messageId, DestinationIndex = index, To = "+4915112345678", Text = "hello " + messageId, Priority = priority };

    private Task<QueueLease?> ReceiveNowAsync() => Queue.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public async Task Publish_ThenReceive_ReturnsTheItemWithDeliveryCountOne()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);

        var lease = await ReceiveNowAsync();

        Assert.NotNull(lease);
        Assert.Equal("m1.0", lease.ItemId);
        Assert.Equal("hello m1", lease.Message.Text);
        Assert.Equal(1, lease.DeliveryCount);
    }

    [Fact]
    public async Task Receive_EmptyQueue_ReturnsNull()
    {
        Assert.Null(await ReceiveNowAsync());
    }

    [Fact]
    public async Task Publish_SameIdTwice_IsANoOp()
    {
        var first = await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        var second = await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);

        if (CountsDuplicatePublishes)
        {
            Assert.Equal(1, first);
            Assert.Equal(0, second);
        }

        var lease = await ReceiveNowAsync();
        await Queue.CompleteAsync(lease!, CancellationToken.None);
        Assert.Null(await ReceiveNowAsync());
    }

    [Fact]
    public async Task Publish_AfterCompletion_IsStillANoOp()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        await Queue.CompleteAsync((await ReceiveNowAsync())!, CancellationToken.None);

        var again = await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);

        if (CountsDuplicatePublishes)
        {
            Assert.Equal(0, again);
        }

        Assert.Null(await ReceiveNowAsync());
    }

    [Fact]
    public async Task Receive_LockedItem_IsNotReceivableUntilTheLockExpires()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        var first = await Queue.ReceiveAsync(TimeSpan.FromSeconds(2), TimeSpan.Zero, CancellationToken.None);

        Assert.Null(await ReceiveNowAsync());
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        var second = await ReceiveNowAsync();

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.ItemId, second.ItemId);
        Assert.Equal(2, second.DeliveryCount);
    }

    [Fact]
    public async Task Complete_AfterTheLockWasLostToAnotherReceiver_Throws()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        var stale = await Queue.ReceiveAsync(TimeSpan.FromSeconds(2), TimeSpan.Zero, CancellationToken.None);
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        var current = await ReceiveNowAsync();

        await Assert.ThrowsAsync<LockLostException>(() => Queue.CompleteAsync(stale!, CancellationToken.None));
        await Queue.CompleteAsync(current!, CancellationToken.None);
    }

    [Fact]
    public async Task Complete_RemovesTheItemForGood()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        await Queue.CompleteAsync((await ReceiveNowAsync())!, CancellationToken.None);

        await AdvanceAsync(Lock + TimeSpan.FromSeconds(1));

        Assert.Null(await ReceiveNowAsync());
        Assert.Equal(0, (await Queue.CountAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task Abandon_WithDelay_HidesTheItemUntilTheDelayPassed()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        var lease = await ReceiveNowAsync();

        await Queue.AbandonAsync(lease!, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Null(await ReceiveNowAsync());
        await AdvanceAsync(TimeSpan.FromSeconds(11));
        var again = await ReceiveNowAsync();
        Assert.NotNull(again);
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task Publish_WithNotBefore_IsNotReceivableEarlier()
    {
        var now = await NowAsync();
        await Queue.PublishAsync([Item("m1")], now + TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Null(await ReceiveNowAsync());
        await AdvanceAsync(TimeSpan.FromSeconds(11));
        Assert.NotNull(await ReceiveNowAsync());
    }

    [Fact]
    public async Task DeadLetter_KeepsReasonAndDescription_AndLeavesTheQueue()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        var lease = await ReceiveNowAsync();

        await Queue.DeadLetterAsync(lease!, "PermanentError", "CMS ERROR 21: short message rejected", CancellationToken.None);

        var dead = Assert.Single(await Queue.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal("m1.0", dead.ItemId);
        Assert.Equal("PermanentError", dead.Reason);
        Assert.Equal("CMS ERROR 21: short message rejected", dead.Description);
        Assert.Equal(1, dead.DeliveryCount);
        Assert.Null(await ReceiveNowAsync());
        var counts = await Queue.CountAsync(CancellationToken.None);
        Assert.Equal(0, counts.Depth);
        Assert.Equal(1, counts.DeadLettered);
    }

    [Fact]
    public async Task Replay_PutsADeadLetterBackWithAFreshDeliveryCount()
    {
        await Queue.PublishAsync([Item("m1")], null, CancellationToken.None);
        await Queue.DeadLetterAsync((await ReceiveNowAsync())!, "RetryLimitExceeded", "5 attempts", CancellationToken.None);

        var replayed = await Queue.ReplayDeadLetterAsync("m1.0", CancellationToken.None);
        var lease = await ReceiveNowAsync();

        Assert.True(replayed);
        Assert.NotNull(lease);
        Assert.Equal(1, lease.DeliveryCount);
        Assert.Empty(await Queue.ListDeadLettersAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Replay_UnknownItem_ReturnsFalse()
    {
        Assert.False(await Queue.ReplayDeadLetterAsync("nope.0", CancellationToken.None));
    }

    [Fact]
    public async Task Receive_TakesHighPriorityFirst_ThenOldest()
    {
        await Queue.PublishAsync([Item("a")], null, CancellationToken.None);
        await Queue.PublishAsync([Item("b")], null, CancellationToken.None);
        await Queue.PublishAsync([Item("c", priority: MessagePriority.High)], null, CancellationToken.None);

        var order = new List<string>();
        while (await ReceiveNowAsync() is { } lease)
        {
            order.Add(lease.Message.MessageId);
        }

        Assert.Equal(["c", "a", "b"], order);
    }

    [Fact]
    public async Task Count_ReportsWaitingAndLockedItems()
    {
        await Queue.PublishAsync([Item("m1", 0), Item("m1", 1), Item("m2")], null, CancellationToken.None);
        await ReceiveNowAsync();

        Assert.Equal(3, (await Queue.CountAsync(CancellationToken.None)).Depth);
    }

    /// <summary>The queue's current time; adapters on a fake clock override this.</summary>
    protected virtual Task<DateTimeOffset> NowAsync() => Task.FromResult(DateTimeOffset.UtcNow);
}

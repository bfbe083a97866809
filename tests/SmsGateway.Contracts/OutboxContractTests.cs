using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IOutbox"/> must do; adapters' test classes derive from this.</summary>
public abstract class OutboxContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    protected ContractClock Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));

    protected IOutbox Outbox { get; private set; } = null!;

    public async Task InitializeAsync() => Outbox = await CreateOutboxAsync(Clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An empty outbox whose notion of now is <paramref name="time"/>.</summary>
    protected abstract Task<IOutbox> CreateOutboxAsync(TimeProvider time);

    private OutboxItem Item(string channel, string key, TimeSpan? dueIn = null) =>
        new(channel, key, $"{{\"key\":\"{key}\",\"text\":\"Grüße 😀\"}}", Clock.GetUtcNow() + (dueIn ?? TimeSpan.Zero));

    [Fact]
    public async Task Enqueue_ThenLease_GivesTheItemWithItsPayload()
    {
        Assert.True(await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None));

        var lease = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        Assert.NotNull(lease);
        Assert.Equal(("chat:1", "a", 0), (lease.Channel, lease.DedupeKey, lease.Attempts));
        Assert.Equal(Item("chat:1", "a").Payload, lease.Payload);
    }

    [Fact]
    public async Task Enqueue_TheSameKeyTwice_KeepsOneItem()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);

        Assert.False(await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None));
        var lease = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);
        await Outbox.CompleteAsync(lease!, CancellationToken.None);
        Assert.Null(await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None));
        Assert.False(await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_TheSameKeyInAnotherChannel_IsAnotherItem()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);

        Assert.True(await Outbox.EnqueueAsync(Item("chat:2", "a"), CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueSuperseding_KeepsItemsAlreadyDueOrTriedOrOfAnotherKey_AndTheNewOneLast()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "s:tried"), CancellationToken.None);
        var tried = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);
        await Outbox.RescheduleAsync(tried!, TimeSpan.FromSeconds(10), 1, "unreachable", CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "s:due"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "o:lingering", TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.True(await Outbox.EnqueueSupersedingAsync(Item("chat:1", "new"), "s:", CancellationToken.None));
        Assert.False(await Outbox.EnqueueSupersedingAsync(Item("chat:1", "new"), "s:", CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(10));
        var taken = new List<string>();
        while (await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None) is { } lease)
        {
            taken.Add(lease.DedupeKey);
            await Outbox.CompleteAsync(lease, CancellationToken.None);
        }

        Assert.Equal(new[] { "s:tried", "s:due", "o:lingering", "new" }, taken);
    }

    [Fact]
    public async Task Lease_GivesAChannelsItemsInEnqueueOrder_EachAfterThePreviousIsDone()
    {
        foreach (var key in new[] { "1", "2", "3" })
        {
            await Outbox.EnqueueAsync(Item("chat:1", key), CancellationToken.None);
        }

        var taken = new List<string>();
        while (await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None) is { } lease)
        {
            Assert.Null(await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None));
            taken.Add(lease.DedupeKey);
            await Outbox.CompleteAsync(lease, CancellationToken.None);
        }

        Assert.Equal(new[] { "1", "2", "3" }, taken);
    }

    [Fact]
    public async Task Lease_BeforeTheHeadIsDue_GivesNothing_EvenWhenALaterItemIsDue()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "later", TimeSpan.FromMinutes(1)), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "now"), CancellationToken.None);

        Assert.Null(await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("later", (await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None))!.DedupeKey);
    }

    [Fact]
    public async Task Reschedule_MakesTheItemDueAgainAfterTheDelay_WithTheGivenAttempts()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);
        var lease = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        await Outbox.RescheduleAsync(lease!, TimeSpan.FromSeconds(10), 3, "502 Bad Gateway", CancellationToken.None);

        Assert.Null(await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(10));
        var again = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);
        Assert.Equal(3, again!.Attempts);
    }

    [Fact]
    public async Task ALeaseNotSettledInTime_ExpiresAndTheItemComesBack_AndTheOldLeaseCannotSettle()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);
        var first = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        Clock.Advance(Lock);
        var second = await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        Assert.Equal(first!.Id, second!.Id);
        await Assert.ThrowsAsync<LockLostException>(() => Outbox.CompleteAsync(first, CancellationToken.None));
        await Outbox.CompleteAsync(second, CancellationToken.None);
    }

    [Fact]
    public async Task DeadLetter_LetsTheNextItemGo()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "bad"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "good"), CancellationToken.None);

        await Outbox.DeadLetterAsync((await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None))!, "400 Bad Request", CancellationToken.None);

        Assert.Equal("good", (await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None))!.DedupeKey);
    }

    [Fact]
    public async Task ListPendingChannels_GivesChannelsWithThePrefixAndWhenTheirHeadIsDue_SoonestFirst()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a", TimeSpan.FromSeconds(20)), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:2", "a", TimeSpan.FromSeconds(5)), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:2", "b"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("events", "a"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:3", "a"), CancellationToken.None);
        var done = await Outbox.LeaseNextAsync("chat:3", Lock, CancellationToken.None);
        await Outbox.CompleteAsync(done!, CancellationToken.None);

        var channels = await Outbox.ListPendingChannelsAsync("chat:", 10, CancellationToken.None);

        var now = Clock.GetUtcNow();
        Assert.Equal(
            new[] { new OutboxChannel("chat:2", now.AddSeconds(5)), new OutboxChannel("chat:1", now.AddSeconds(20)) },
            channels);
    }

    [Fact]
    public async Task ListPendingChannels_ShowsALeasedHeadAsDueWhenItsLockEnds()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);
        await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        var channel = Assert.Single(await Outbox.ListPendingChannelsAsync("chat:", 10, CancellationToken.None));

        Assert.Equal(Clock.GetUtcNow() + Lock, channel.NextDueAt);
    }

    [Fact]
    public async Task CountPending_CountsUndeliveredItemsOfChannelsWithThePrefix()
    {
        Assert.Equal(0, await Outbox.CountPendingAsync("chat:", CancellationToken.None));
        await Outbox.EnqueueAsync(Item("chat:1", "a"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "b", TimeSpan.FromMinutes(5)), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "b"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:2", "a"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:3", "gone"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat;", "after the prefix"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chas", "before the prefix"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item("events", "a"), CancellationToken.None);
        await Outbox.DeadLetterAsync((await Outbox.LeaseNextAsync("chat:3", Lock, CancellationToken.None))!, "400", CancellationToken.None);
        await Outbox.CompleteAsync((await Outbox.LeaseNextAsync("chat:2", Lock, CancellationToken.None))!, CancellationToken.None);
        await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None);

        Assert.Equal(2, await Outbox.CountPendingAsync("chat:", CancellationToken.None));
        Assert.Equal(5, await Outbox.CountPendingAsync(string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task Purge_RemovesOnlySettledItemsOlderThanTheCutoff()
    {
        await Outbox.EnqueueAsync(Item("chat:1", "done"), CancellationToken.None);
        await Outbox.CompleteAsync((await Outbox.LeaseNextAsync("chat:1", Lock, CancellationToken.None))!, CancellationToken.None);
        await Outbox.EnqueueAsync(Item("chat:1", "waiting", TimeSpan.FromDays(30)), CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(8));

        var purged = await Outbox.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.True(await Outbox.EnqueueAsync(Item("chat:1", "done"), CancellationToken.None));
        Assert.Single(await Outbox.ListPendingChannelsAsync("chat:", 10, CancellationToken.None));
    }
}

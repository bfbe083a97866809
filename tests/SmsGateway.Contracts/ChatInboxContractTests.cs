using SmsGateway.Core.Receiving.Bridge;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IChatInbox"/> must do; adapters' test classes derive from this.</summary>
public abstract class ChatInboxContractTests : IAsyncLifetime
{
    protected ContractClock Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));

    protected IChatInbox Inbox { get; private set; } = null!;

    public async Task InitializeAsync() => Inbox = await CreateInboxAsync(Clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IChatInbox> CreateInboxAsync(TimeProvider time);

    private ChatUpdate Update(long id) =>
        new(id, $"{{\"update_id\":{id},\"message\":{{\"text\":\"Grüße 😀\"}}}}", Clock.GetUtcNow());

    [Fact]
    public async Task Add_ANewUpdate_IsPendingWithItsPayloadAsReceived()
    {
        Assert.True(await Inbox.AddAsync(Update(5), CancellationToken.None));

        var pending = Assert.Single(await Inbox.ListPendingAsync(10, CancellationToken.None));

        Assert.Equal(Update(5), pending);
    }

    [Fact]
    public async Task Add_TheSameUpdateAgain_IsRecognised_PendingOrProcessed()
    {
        await Inbox.AddAsync(Update(5), CancellationToken.None);
        Assert.False(await Inbox.AddAsync(Update(5), CancellationToken.None));

        await Inbox.MarkProcessedAsync(5, CancellationToken.None);

        Assert.False(await Inbox.AddAsync(Update(5), CancellationToken.None));
        Assert.Empty(await Inbox.ListPendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ListPending_GivesUpdatesByAscendingId_UpToMax()
    {
        foreach (var id in new long[] { 30, 10, 20, 40 })
        {
            await Inbox.AddAsync(Update(id), CancellationToken.None);
        }

        var pending = await Inbox.ListPendingAsync(3, CancellationToken.None);

        Assert.Equal(new long[] { 10, 20, 30 }, pending.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task CountPending_CountsRecordedUpdatesNotYetProcessed()
    {
        Assert.Equal(0, await Inbox.CountPendingAsync(CancellationToken.None));
        foreach (var id in new long[] { 1, 2, 3 })
        {
            await Inbox.AddAsync(Update(id), CancellationToken.None);
        }

        await Inbox.AddAsync(Update(2), CancellationToken.None);
        await Inbox.MarkProcessedAsync(1, CancellationToken.None);

        Assert.Equal(2, await Inbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Purge_ForgetsOnlyProcessedUpdatesRecordedBeforeTheCutoff()
    {
        await Inbox.AddAsync(Update(1), CancellationToken.None);
        await Inbox.AddAsync(Update(2), CancellationToken.None);
        await Inbox.MarkProcessedAsync(1, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, await Inbox.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None));

        Assert.True(await Inbox.AddAsync(Update(1), CancellationToken.None));
        Assert.Equal(2, (await Inbox.ListPendingAsync(10, CancellationToken.None)).Count);
    }
}

using SmsGateway.Core.Sending.DeliveryReports;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IPartReferenceIndex"/> must do; adapters' test classes derive from this.</summary>
public abstract class PartReferenceIndexContractTests : IAsyncLifetime
{
    private const string Alice = "+4915112345678";
    private const string Bob = "+14155552671";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected IPartReferenceIndex Index { get; private set; } = null!;

    public async Task InitializeAsync() => Index = await CreateIndexAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IPartReferenceIndex> CreateIndexAsync();

    [Fact]
    public async Task Record_ThenFind_ReturnsThePart()
    {
        await Index.RecordAsync([new(Alice, 41, "m1", 2, 0, Now), new(Alice, 42, "m1", 2, 1, Now)], CancellationToken.None);

        var found = await Index.FindLatestAsync(Alice, 42, Now.AddDays(-7), CancellationToken.None);

        Assert.Equal(new PartReference(Alice, 42, "m1", 2, 1, Now), found);
    }

    [Fact]
    public async Task Find_ReferenceReused_ReturnsTheMostRecentSend()
    {
        await Index.RecordAsync([new(Alice, 7, "old", 0, 0, Now.AddHours(-3))], CancellationToken.None);
        await Index.RecordAsync([new(Alice, 7, "new", 0, 0, Now)], CancellationToken.None);

        var found = await Index.FindLatestAsync(Alice, 7, Now.AddDays(-7), CancellationToken.None);

        Assert.Equal("new", found?.MessageId);
    }

    [Fact]
    public async Task Find_OtherRecipientWithTheSameReference_DoesNotMatch()
    {
        await Index.RecordAsync([new(Alice, 7, "m1", 0, 0, Now)], CancellationToken.None);

        Assert.Null(await Index.FindLatestAsync(Bob, 7, Now.AddDays(-7), CancellationToken.None));
        Assert.Null(await Index.FindLatestAsync(Alice, 8, Now.AddDays(-7), CancellationToken.None));
    }

    [Fact]
    public async Task Find_SentBeforeTheWindow_DoesNotMatch()
    {
        await Index.RecordAsync([new(Alice, 7, "m1", 0, 0, Now.AddDays(-8))], CancellationToken.None);

        Assert.Null(await Index.FindLatestAsync(Alice, 7, Now.AddDays(-7), CancellationToken.None));
    }

    [Fact]
    public async Task Record_SameEntriesTwice_IsHarmless()
    {
        PartReference[] entries = [new(Alice, 7, "m1", 0, 0, Now)];

        await Index.RecordAsync(entries, CancellationToken.None);
        await Index.RecordAsync(entries, CancellationToken.None);

        Assert.Equal("m1", (await Index.FindLatestAsync(Alice, 7, Now.AddDays(-1), CancellationToken.None))?.MessageId);
    }

    [Fact]
    public async Task Purge_RemovesOnlyOlderEntries()
    {
        await Index.RecordAsync([new(Alice, 1, "old", 0, 0, Now.AddDays(-10)), new(Alice, 2, "new", 0, 0, Now)], CancellationToken.None);

        var purged = await Index.PurgeAsync(Now.AddDays(-7), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Null(await Index.FindLatestAsync(Alice, 1, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.NotNull(await Index.FindLatestAsync(Alice, 2, DateTimeOffset.MinValue, CancellationToken.None));
    }
}

using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Modem;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IPendingDeliveryReportStore"/> must do; adapters' test classes derive from this.</summary>
public abstract class PendingDeliveryReportStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected IPendingDeliveryReportStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IPendingDeliveryReportStore> CreateStoreAsync();

    private static PendingDeliveryReport Pending(string id, DateTimeOffset receivedAt) =>
        new(id, new DeliveryReport("+4915112345678", 42, false, true, 0x41, new DateTimeOffset(2025, 6, 1, 13, 0, 5, TimeSpan.FromHours(2))), receivedAt);

    [Fact]
    public async Task Add_ThenList_ReturnsTheReportsOldestFirst()
    {
        await Store.AddAsync(Pending("b", Now.AddSeconds(1)), CancellationToken.None);
        await Store.AddAsync(Pending("a", Now), CancellationToken.None);

        var listed = await Store.ListAsync(10, CancellationToken.None);

        Assert.Equal(["a", "b"], listed.Select(p => p.Id));
        Assert.Equal(Pending("a", Now), listed[0]);
    }

    [Fact]
    public async Task Add_SameIdTwice_KeepsOne()
    {
        await Store.AddAsync(Pending("a", Now), CancellationToken.None);
        await Store.AddAsync(Pending("a", Now.AddMinutes(1)), CancellationToken.None);

        var listed = await Store.ListAsync(10, CancellationToken.None);

        Assert.Equal(Now, Assert.Single(listed).ReceivedAt);
    }

    [Fact]
    public async Task Remove_TakesItOut_AndAnUnknownIdIsNoError()
    {
        await Store.AddAsync(Pending("a", Now), CancellationToken.None);

        await Store.RemoveAsync("a", CancellationToken.None);
        await Store.RemoveAsync("never", CancellationToken.None);

        Assert.Empty(await Store.ListAsync(10, CancellationToken.None));
    }
}

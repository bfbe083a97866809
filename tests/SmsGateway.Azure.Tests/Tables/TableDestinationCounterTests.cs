using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

/// <summary>The per-number hourly count in Table storage, against Azurite, as several Functions instances share it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDestinationCounterTests(AzuriteFixture azurite)
{
    private const string German = "+4915112345678";
    private const string Austrian = "+436641234567";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = TestTables.NewPrefix();

    // Each call is another instance (own client, own object) over the same tables.
    private TableDestinationCounter Instance() => new(new AzureTables(azurite.CreateServiceClient(), _prefix), _time);

    [Fact]
    public async Task UpToTheLimit_CountsAreShared_ByEveryInstance_ThenTheNumberIsRefused()
    {
        var first = Instance();
        var second = Instance();

        Assert.Null(await first.CheckAndCountAsync([German], 3, CancellationToken.None));
        Assert.Null(await second.CheckAndCountAsync([German], 3, CancellationToken.None));
        Assert.Null(await first.CheckAndCountAsync([German], 3, CancellationToken.None));
        var refused = await second.CheckAndCountAsync([German], 3, CancellationToken.None);

        Assert.NotNull(refused);
        Assert.Equal(German, refused.Number);

        // Full this hour: room again in the next, once this hour's 3 weigh 2 (a third of the way in).
        Assert.Equal(TimeSpan.FromMinutes(80), refused.RetryAfter);
    }

    [Fact]
    public async Task OneNumberAtItsLimit_CountsNoneOfTheOthers()
    {
        var counter = Instance();
        Assert.Null(await counter.CheckAndCountAsync([German], 1, CancellationToken.None));

        Assert.Equal(German, (await counter.CheckAndCountAsync([Austrian, German], 1, CancellationToken.None))?.Number);

        Assert.Null(await counter.CheckAndCountAsync([Austrian], 1, CancellationToken.None));
    }

    [Fact]
    public async Task ACheckThatIsNotCounted_CostsNothing()
    {
        var counter = Instance();

        // Checked but never counted: a request that was then replayed or refused by the queue.
        for (var i = 0; i < 5; i++)
        {
            var check = await counter.CheckAsync([German], 1, CancellationToken.None);
            Assert.Null(check.Limited);
        }

        Assert.Empty(await RowsAsync());
        Assert.Null(await counter.CheckAndCountAsync([German], 1, CancellationToken.None));
        Assert.NotNull(await counter.CheckAndCountAsync([German], 1, CancellationToken.None));
    }

    [Fact]
    public async Task TheWindowSlides_ThePreviousHourFadesOut()
    {
        var counter = Instance();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(await counter.CheckAndCountAsync([German], 4, CancellationToken.None));
        }

        // Half-way through the next hour the previous hour's 4 count as 2: two more fit, then the number waits
        // until the previous hour's weight has faded to 1 (three quarters through).
        _time.Advance(TimeSpan.FromMinutes(90));
        Assert.Null(await counter.CheckAndCountAsync([German], 4, CancellationToken.None));
        Assert.Null(await counter.CheckAndCountAsync([German], 4, CancellationToken.None));
        var refused = await counter.CheckAndCountAsync([German], 4, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(15), refused?.RetryAfter);

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await counter.CheckAndCountAsync([German], 4, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentInstances_CountEverySms()
    {
        var counters = Enumerable.Range(0, 4).Select(_ => Instance()).ToList();

        var refused = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => counters[i % 4].CheckAndCountAsync([German], 100, CancellationToken.None)));

        Assert.All(refused, Assert.Null);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(12, row.GetInt64("Count"));
    }

    [Fact]
    public async Task TheTableHoldsNoPhoneNumber_AndPurgeForgetsOldHours()
    {
        var counter = Instance();
        await counter.CheckAndCountAsync([German], 10, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(3));
        await counter.CheckAndCountAsync([German], 10, CancellationToken.None);

        Assert.All(await RowsAsync(), row => Assert.DoesNotContain("15112345678", row.PartitionKey + row.RowKey, StringComparison.Ordinal));
        Assert.Equal(1, await counter.PurgeAsync(_time.GetUtcNow() - TimeSpan.FromHours(2), CancellationToken.None));
        Assert.Equal("2026030115", Assert.Single(await RowsAsync()).RowKey);
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var table = await new AzureTables(azurite.CreateServiceClient(), _prefix).GetAsync(TableDestinationCounter.TableName, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}

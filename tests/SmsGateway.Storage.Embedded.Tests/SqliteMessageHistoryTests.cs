using SmsGateway.Core.Domain;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>The limits count again from the stored messages at start: the history returns exactly those created since a moment.</summary>
public sealed class SqliteMessageHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();

    [Fact]
    public async Task ReadCreatedSince_ReturnsTheMessagesCreatedFromThatMoment_OldestFirst_WithTheirClient()
    {
        var store = new SqliteMessageStore(_db.Database, TimeProvider.System);
        foreach (var minutes in new[] { -61, -60, -30, -1 })
        {
            await store.CreateAsync(Created(Noon.AddMinutes(minutes), "client-a"), null, CancellationToken.None);
        }

        var read = new SqliteMessageHistory(_db.Database).ReadCreatedSince(Noon.AddHours(-1));

        Assert.Equal([Noon.AddMinutes(-60), Noon.AddMinutes(-30), Noon.AddMinutes(-1)], read.Select(m => m.CreatedAt));
        Assert.All(read, m => Assert.Equal("client-a", m.Client));
    }

    [Fact]
    public void LowestIdAt_SortsBelowEveryIdOfThatMillisecond_AndAboveEveryEarlierOne()
    {
        var lowest = SqliteMessageHistory.LowestIdAt(Noon);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(string.CompareOrdinal(lowest, Message.NewId(Noon)) <= 0);
            Assert.True(string.CompareOrdinal(lowest, Message.NewId(Noon.AddMilliseconds(-1))) > 0);
        }
    }

    public void Dispose() => _db.Dispose();

    private static Message Created(DateTimeOffset at, string client) => new()
    {
        Id = Message.NewId(at),
        Text = "hello",
        Destinations = [Destination.Sms("+4915112345678")],
        Client = client,
        CreatedAt = at,
        UpdatedAt = at,
    };
}

using SmsGateway.Contracts;
using SmsGateway.Core.Outbox;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Storage;

/// <summary>The outbox contract on SQLite (kept with the bridge's tests until the storage tests take the new suites).</summary>
public sealed class SqliteOutboxContractTests : OutboxContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IOutbox> CreateOutboxAsync(TimeProvider time) => Task.FromResult<IOutbox>(new SqliteOutbox(_db.Database, time));

    [Fact]
    public async Task EnqueueSuperseding_SettlesTheLingeringItemsOfItsKey_SoTheNewOneGoesAtOnce()
    {
        var now = Clock.GetUtcNow();
        await Outbox.EnqueueAsync(new OutboxItem("events:m1", "s:1", "sending", now.AddSeconds(2)), CancellationToken.None);
        await Outbox.EnqueueAsync(new OutboxItem("events:m2", "s:1", "sending elsewhere", now.AddSeconds(2)), CancellationToken.None);

        await Outbox.EnqueueSupersedingAsync(new OutboxItem("events:m1", "sent", "sent", now), "s:", CancellationToken.None);

        var lease = await Outbox.LeaseNextAsync("events:m1", TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal("sent", lease?.DedupeKey);
        await Outbox.CompleteAsync(lease!, CancellationToken.None);
        Assert.Null(await Outbox.LeaseNextAsync("events:m1", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(["events:m2"], (await Outbox.ListPendingChannelsAsync("events:", 10, CancellationToken.None)).Select(c => c.Name));
    }

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

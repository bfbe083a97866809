using SmsGateway.Azure.Chat;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Core.Outbox;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Chat;

/// <summary>The counter row's ETag is what keeps a channel in order with several writers (function instances) at once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableOutboxConcurrencyTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Enqueue_ConcurrentWritersToOneChannel_EveryItemKeptOnce_AndLeasedOneAfterAnother()
    {
        var outbox = NewOutbox();

        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            outbox.EnqueueAsync(new OutboxItem("telegram:1", $"k{i}", $"p{i}", DateTimeOffset.UtcNow), CancellationToken.None)));

        Assert.All(added, Assert.True);
        var taken = new List<string>();
        while (await outbox.LeaseNextAsync("telegram:1", Lock, CancellationToken.None) is { } lease)
        {
            taken.Add(lease.DedupeKey);
            await outbox.CompleteAsync(lease, CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"k{i}").Order(), taken.Order());
    }

    [Fact]
    public async Task Enqueue_TheSameKeyConcurrently_OnlyOneWins()
    {
        var outbox = NewOutbox();

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            outbox.EnqueueAsync(new OutboxItem("telegram:1", "same", "p", DateTimeOffset.UtcNow), CancellationToken.None)));

        Assert.Single(added, a => a);
        var lease = await outbox.LeaseNextAsync("telegram:1", Lock, CancellationToken.None);
        await outbox.CompleteAsync(lease!, CancellationToken.None);
        Assert.Null(await outbox.LeaseNextAsync("telegram:1", Lock, CancellationToken.None));
    }

    private TableOutbox NewOutbox() => new(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix()), TimeProvider.System);
}

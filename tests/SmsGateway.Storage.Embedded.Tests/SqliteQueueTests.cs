using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>What the embedded queue adds beyond the contract: capacity, durability, waking receivers.</summary>
public sealed class SqliteQueueTests : IDisposable
{
    private readonly TempDatabase _db = new(capacity: 3);

    private static QueueItem Item(string id) => new() { MessageId = id, DestinationIndex = 0, To = "+4915112345678", Text = "x" };

    [Fact]
    public async Task Publish_BeyondCapacity_ThrowsQueueFullAndAddsNothing()
    {
        var queue = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        await queue.PublishAsync([Item("a"), Item("b")], null, CancellationToken.None);

        await Assert.ThrowsAsync<QueueFullException>(() => queue.PublishAsync([Item("c"), Item("d")], null, CancellationToken.None));

        var counts = await queue.CountAsync(CancellationToken.None);
        Assert.Equal(2, counts.Depth);
        Assert.Equal(3, counts.Capacity);
    }

    [Fact]
    public async Task Publish_DuplicateAtCapacity_IsANoOpNotAnError()
    {
        var queue = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        await queue.PublishAsync([Item("a"), Item("b"), Item("c")], null, CancellationToken.None);

        Assert.Equal(0, await queue.PublishAsync([Item("a")], null, CancellationToken.None));
    }

    [Fact]
    public async Task Depth_WhenAnotherProcessReplayedAnItemItThenSettles_IsRecountedNotNegative()
    {
        // The agent's queue and the `deadletters replay` command's, on one file: each keeps its counts in memory.
        var agent = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        var command = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        await agent.PublishAsync([Item("a")], null, CancellationToken.None);
        var first = await agent.ReceiveAsync(TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None);
        await agent.DeadLetterAsync(first!, "Test", "dead", CancellationToken.None);
        Assert.True(await command.ReplayDeadLetterAsync("a.0", CancellationToken.None));

        var again = await agent.ReceiveAsync(TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None);
        await agent.CompleteAsync(again!, CancellationToken.None);

        var counts = await agent.CountAsync(CancellationToken.None);
        Assert.Equal((0L, 0L), (counts.Depth, counts.DeadLettered));
    }

    [Fact]
    public async Task Items_SurviveReopeningTheDatabase()
    {
        var queue = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        await queue.PublishAsync([Item("a")], null, CancellationToken.None);

        using var reopened = new SqliteDatabase(_db.Options);
        var lease = await new SqliteOutboundQueue(reopened, _db.Options, TimeProvider.System)
            .ReceiveAsync(TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("a.0", lease?.ItemId);
    }

    [Fact]
    public async Task Receive_Waiting_WakesUpWhenAnItemIsPublished()
    {
        var queue = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        var waiting = queue.ReceiveAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await queue.PublishAsync([Item("a")], null, CancellationToken.None);
        var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("a.0", lease?.ItemId);
    }

    public void Dispose() => _db.Dispose();
}

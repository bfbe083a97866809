using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IMessageStore"/> must do; adapters' test classes derive from this.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    protected IMessageStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IMessageStore> CreateStoreAsync();

    protected static Message NewMessage(string? id = null, int destinations = 1)
    {
        var now = DateTimeOffset.UtcNow;
        return new Message
        {
            Id = id ?? Message.NewId(now),
            Text = "Grüße €",
            Destinations = Enumerable.Range(0, destinations).Select(i => Destination.Sms($"+491511234567{i}")).ToArray(),
            Segments = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsTheSameMessage()
    {
        var message = NewMessage(destinations: 2);

        var outcome = await Store.CreateAsync(message, null, CancellationToken.None);
        var stored = await Store.GetAsync(message.Id, CancellationToken.None);

        Assert.True(outcome.Created);
        Assert.NotNull(stored);
        Assert.Equal(message.Text, stored.Message.Text);
        Assert.Equal(message.Destinations.Select(d => d.Address), stored.Message.Destinations.Select(d => d.Address));
        Assert.False(string.IsNullOrEmpty(stored.ETag));
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("0000000000000000000000000000dead", CancellationToken.None));
    }

    [Fact]
    public async Task Update_WithCurrentETag_StoresTheChangeAndReturnsANewETag()
    {
        var message = NewMessage();
        await Store.CreateAsync(message, null, CancellationToken.None);
        var stored = (await Store.GetAsync(message.Id, CancellationToken.None))!;
        var changed = stored.Message.WithDestination(0, stored.Message.Destinations[0].MoveTo(DestinationStatus.Sending), DateTimeOffset.UtcNow);

        var etag = await Store.UpdateAsync(changed, stored.ETag, CancellationToken.None);
        var reread = (await Store.GetAsync(message.Id, CancellationToken.None))!;

        Assert.NotEqual(stored.ETag, etag);
        Assert.Equal(etag, reread.ETag);
        Assert.Equal(DestinationStatus.Sending, reread.Message.Destinations[0].Status);
    }

    [Fact]
    public async Task Update_WithStaleETag_ThrowsAndChangesNothing()
    {
        var message = NewMessage();
        await Store.CreateAsync(message, null, CancellationToken.None);
        var stored = (await Store.GetAsync(message.Id, CancellationToken.None))!;
        var sending = stored.Message.WithDestination(0, stored.Message.Destinations[0].MoveTo(DestinationStatus.Sending), DateTimeOffset.UtcNow);
        var failed = stored.Message.WithDestination(0, stored.Message.Destinations[0].MoveTo(DestinationStatus.Failed), DateTimeOffset.UtcNow);
        await Store.UpdateAsync(sending, stored.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(failed, stored.ETag, CancellationToken.None));

        Assert.Equal(DestinationStatus.Sending, (await Store.GetAsync(message.Id, CancellationToken.None))!.Message.Destinations[0].Status);
    }

    [Fact]
    public async Task Update_ConcurrentWritersWithOneETag_ExactlyOneWins()
    {
        var message = NewMessage();
        await Store.CreateAsync(message, null, CancellationToken.None);
        var stored = (await Store.GetAsync(message.Id, CancellationToken.None))!;

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Store.UpdateAsync(stored.Message with { OriginContext = $"writer {i}" }, stored.ETag, CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Create_WithAClaimedKey_ReturnsTheFirstMessageAndWritesNothing()
    {
        var first = NewMessage();
        var second = NewMessage();
        var claim = new IdempotencyClaim("key-1", "hash-a");

        var a = await Store.CreateAsync(first, claim, CancellationToken.None);
        var b = await Store.CreateAsync(second, claim with { RequestHash = "hash-b" }, CancellationToken.None);

        Assert.True(a.Created);
        var claimed = Assert.IsType<CreateOutcome.KeyClaimed>(b);
        Assert.Equal(first.Id, claimed.MessageId);
        Assert.Equal("hash-a", claimed.RequestHash);
        Assert.Null(await Store.GetAsync(second.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FindClaim_NamesTheMessageAndHashThatHoldTheKey_OrNothing()
    {
        var message = NewMessage();
        await Store.CreateAsync(message, new IdempotencyClaim("key-found", "hash-1"), CancellationToken.None);

        var found = await Store.FindClaimAsync("key-found", CancellationToken.None);

        Assert.Equal(new CreateOutcome.KeyClaimed(message.Id, "hash-1"), found);
        Assert.Null(await Store.FindClaimAsync("key-never-used", CancellationToken.None));
    }

    [Fact]
    public async Task Create_TenConcurrentRequestsWithOneKey_ExactlyOneIsCreated()
    {
        var messages = Enumerable.Range(0, 10).Select(_ => NewMessage()).ToList();
        var claim = new IdempotencyClaim("race", "same");

        var outcomes = await Task.WhenAll(messages.Select(m => Store.CreateAsync(m, claim, CancellationToken.None)));

        var winner = Assert.Single(messages.Zip(outcomes), p => p.Second.Created).First;
        Assert.All(outcomes.OfType<CreateOutcome.KeyClaimed>(), o => Assert.Equal(winner.Id, o.MessageId));
        foreach (var loser in messages.Where(m => m.Id != winner.Id))
        {
            Assert.Null(await Store.GetAsync(loser.Id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task FindWithDestinationStatus_ReturnsOnlyMatchingMessages()
    {
        var queued = NewMessage();
        var sent = NewMessage();
        await Store.CreateAsync(queued, null, CancellationToken.None);
        await Store.CreateAsync(sent, null, CancellationToken.None);
        var stored = (await Store.GetAsync(sent.Id, CancellationToken.None))!;
        var sending = stored.Message.WithDestination(0, stored.Message.Destinations[0].MoveTo(DestinationStatus.Sending), DateTimeOffset.UtcNow);
        await Store.UpdateAsync(sending, stored.ETag, CancellationToken.None);

        var found = await Store.FindWithDestinationStatusAsync(DestinationStatus.Queued, 100, CancellationToken.None);

        Assert.Contains(queued.Id, found);
        Assert.DoesNotContain(sent.Id, found);
    }
}

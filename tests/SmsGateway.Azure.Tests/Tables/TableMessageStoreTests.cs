using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableMessageStoreTests(AzuriteFixture azurite)
{
    private readonly AzureTables _tables = new(azurite.CreateServiceClient(), TestTables.NewPrefix());

    private TableMessageStore Store() => new(_tables, TimeProvider.System, NullLogger<TableMessageStore>.Instance);

    [Fact]
    public async Task Create_MessageLargerThanOneProperty_IsStoredAsReadableJsonChunks()
    {
        var message = LargeMessage(destinations: 200);
        var store = Store();

        await store.CreateAsync(message, null, CancellationToken.None);
        var stored = await store.GetAsync(message.Id, CancellationToken.None);
        var entity = await EntityAsync(message.Id);

        Assert.True(entity.GetInt32("JsonChunks") > 1);
        Assert.StartsWith("{", entity.GetString("Json"), StringComparison.Ordinal);
        Assert.Equal(message.Destinations[199].Error, stored!.Message.Destinations[199].Error);
    }

    [Fact]
    public async Task Create_TheLargestMessageTheLimitsAllow_IsStoredCompressedAndReadBackWhole()
    {
        // Sms:MaxDestinations is at most 1000: every destination delivered in 10 parts with a long error.
        var message = LargeMessage(destinations: 1000);
        IMessageStore store = Store();

        await store.CreateAsync(message, null, CancellationToken.None);
        var stored = await store.GetAsync(message.Id, CancellationToken.None);
        var entity = await EntityAsync(message.Id);

        Assert.Equal("gzip", entity.GetString("JsonEncoding"));
        Assert.Equal(1000, stored!.Message.Destinations.Count);
        Assert.Equal(message.Text, stored.Message.Text);
        Assert.Equal(message.Destinations[999].PartReferences, stored.Message.Destinations[999].PartReferences);

        var changed = stored.Message.WithDestination(0, stored.Message.Destinations[0] with { Error = "changed" }, DateTimeOffset.UtcNow);
        await store.UpdateAsync(changed, stored.ETag, CancellationToken.None);
        Assert.Equal("changed", (await store.GetAsync(message.Id, CancellationToken.None))!.Message.Destinations[0].Error);
    }

    [Fact]
    public async Task Create_WhenTheMessageWriteFails_ReleasesTheIdempotencyKey()
    {
        var store = Store();
        var first = NewMessage();
        await store.CreateAsync(first, null, CancellationToken.None);
        var claim = new IdempotencyClaim("key-rollback", "hash");

        // Same id again: the message insert fails with 409 after the key was claimed.
        await Assert.ThrowsAsync<RequestFailedException>(() => store.CreateAsync(first with { Text = "other" }, claim, CancellationToken.None));
        var retry = await store.CreateAsync(NewMessage(), claim, CancellationToken.None);

        Assert.True(retry.Created);
    }

    [Fact]
    public async Task Get_IdThatCannotBeATableKey_ReturnsNull()
    {
        Assert.Null(await Store().GetAsync("a/b#c?", CancellationToken.None));
    }

    [Fact]
    public async Task Update_UnknownMessage_ThrowsConcurrencyConflict()
    {
        IMessageStore store = Store();
        var known = NewMessage();
        await store.CreateAsync(known, null, CancellationToken.None);
        var etag = (await store.GetAsync(known.Id, CancellationToken.None))!.ETag;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateAsync(NewMessage(), etag, CancellationToken.None));
    }

    [Fact]
    public async Task Update_WithWebhookEvents_IsRefusedAndChangesNothing()
    {
        IMessageStore store = Store();
        var message = NewMessage();
        await store.CreateAsync(message, null, CancellationToken.None);
        var stored = (await store.GetAsync(message.Id, CancellationToken.None))!;
        var changed = stored.Message with { OriginContext = "changed" };
        var reported = new WebhookEvent("evt_1", WebhookEventTypes.MessageSent, DateTimeOffset.UtcNow, "message:1:0", new WebhookEventData());

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync(changed, stored.ETag, [reported], CancellationToken.None));

        Assert.Null((await store.GetAsync(message.Id, CancellationToken.None))!.Message.OriginContext);
    }

    [Fact]
    public async Task FindWithDestinationStatus_ReturnsOldestFirstAndAtMostMax()
    {
        var store = Store();
        var start = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var message = NewMessage(start.AddMilliseconds(i));
            ids.Add(message.Id);
            await store.CreateAsync(message, null, CancellationToken.None);
        }

        var found = await store.FindWithDestinationStatusAsync(DestinationStatus.Queued, 3, CancellationToken.None);

        Assert.Equal(ids.Take(3), found);
    }

    [Fact]
    public async Task Tables_AreNamedWithThePrefix()
    {
        await Store().CreateAsync(NewMessage(), new IdempotencyClaim("k", "h"), CancellationToken.None);

        var names = new List<string>();
        await foreach (var table in azurite.CreateServiceClient().QueryAsync(t => t.Name == _tables.TablePrefix + "messages" || t.Name == _tables.TablePrefix + "idempotency"))
        {
            names.Add(table.Name);
        }

        Assert.Equal(2, names.Count);
    }

    private static Message NewMessage(DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        return new Message
        {
            Id = Message.NewId(now),
            Text = "hello",
            Destinations = [Destination.Sms("+4915112345670")],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<TableEntity> EntityAsync(string id)
    {
        var table = await _tables.GetAsync(TableMessageStore.MessagesTable, CancellationToken.None);
        return (await table.GetEntityAsync<TableEntity>(id, "message")).Value;
    }

    private static Message LargeMessage(int destinations)
    {
        var now = DateTimeOffset.UtcNow;
        var destination = Destination.Sms("+491511234567890") with
        {
            Status = DestinationStatus.Delivered,
            Attempts = 5,
            Error = new string('e', 200),
            NextAttemptAt = now,
            SentAt = now,
            DeliveredAt = now,
            PartReferences = Enumerable.Range(200, 10).ToArray(),
            DeliveredParts = Enumerable.Range(0, 10).ToArray(),
        };
        return new Message
        {
            Id = Message.NewId(now),
            Text = new string('€', 670),
            Destinations = Enumerable.Repeat(destination, destinations).ToArray(),
            Segments = 10,
            CreatedAt = now,
            UpdatedAt = now,
            OriginContext = new string('c', 200),
        };
    }
}

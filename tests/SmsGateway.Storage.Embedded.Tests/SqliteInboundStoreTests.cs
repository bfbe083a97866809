using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>What the embedded inbound store adds beyond the contract: its writes survive reopening the file.</summary>
public sealed class SqliteInboundStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task PartsSetsAndMessages_SurviveReopeningTheDatabase()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new SqliteInboundStore(_db.Database);
        var set = new InboundSet { Id = Message.NewId(now), Key = "k", Sender = "+4915112345678", PartCount = 2, OpenedAt = now, SentAt = now };
        var part = new InboundPartRecord { Id = "p", SetKey = "k", SetId = set.Id, Sender = set.Sender, SentAt = now, ReceivedAt = now, Text = "a", Pdu = "00", PartCount = 2 };
        var message = new InboundMessage { Id = Message.NewId(now), Sender = set.Sender, SentAt = now, ReceivedAt = now, Text = "hi" };
        await store.SaveSetAsync(set, CancellationToken.None);
        await store.AddPartAsync(part, CancellationToken.None);
        await store.AddMessageAsync(message, [], CancellationToken.None);

        using var reopened = new SqliteDatabase(_db.Options);
        var again = new SqliteInboundStore(reopened);

        Assert.Equal(set.Id, (await again.FindLatestSetAsync("k", CancellationToken.None))?.Id);
        Assert.NotNull(await again.GetPartAsync("k", "p", CancellationToken.None));
        Assert.Equal("hi", (await again.GetMessageAsync(message.Id, CancellationToken.None))?.Text);
    }

    public void Dispose() => _db.Dispose();
}

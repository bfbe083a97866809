using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Hosting;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Posting;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Posting;

/// <summary><c>Telegram:OutboxCapacity</c> on a real SQLite outbox: what is stored, what is dropped, and who is told.</summary>
public sealed class OutboxCapacityTests : IDisposable
{
    private const int Capacity = 3;
    private const long Configured = 4242;
    private const long Stranger = 666;
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly TempDatabase _db = new();
    private readonly SqliteOutbox _outbox;
    private readonly TelegramOutboxWriter _writer;

    public OutboxCapacityTests()
    {
        _outbox = new SqliteOutbox(_db.Database, _time);
        var options = Options.Create(new TelegramOptions { ChatIds = [Configured], OutboxCapacity = Capacity });
        _writer = new TelegramOutboxWriter(_outbox, new TelegramSignals(), _time, options, NullLogger<TelegramOutboxWriter>.Instance);
    }

    public void Dispose() => _db.Dispose();

    private Task<bool> ForwardAsync(long chatId, int n) => _writer.EnqueueAsync(
        new TelegramPost { Kind = TelegramPostKind.Forward, ChatId = chatId, Text = $"sms {n}", Sender = "+4915112345678", InboundMessageId = $"m{n}" },
        $"inbound:m{n}:0",
        CancellationToken.None);

    private Task<int> PendingAsync() => _outbox.CountPendingAsync(TelegramOutboxWriter.ChannelPrefix, CancellationToken.None);

    private async Task<IReadOnlyList<string>> DeliverAllAsync(long chatId)
    {
        var texts = new List<string>();
        while (await _outbox.LeaseNextAsync(TelegramOutboxWriter.Channel(chatId), Lock, CancellationToken.None) is { } lease)
        {
            texts.Add(System.Text.Json.JsonDocument.Parse(lease.Payload).RootElement.GetProperty("text").GetString()!);
            await _outbox.CompleteAsync(lease, CancellationToken.None);
        }

        return texts;
    }

    [Fact]
    public async Task PastTheCapacity_PostsAreDroppedNotStored()
    {
        var added = new List<bool>();
        for (var n = 1; n <= 7; n++)
        {
            added.Add(await ForwardAsync(Configured, n));
        }

        Assert.Equal([true, true, true, false, false, false, false], added);
        Assert.Equal(Capacity, await PendingAsync());
        Assert.Equal(["sms 1", "sms 2", "sms 3"], await DeliverAllAsync(Configured));
    }

    [Fact]
    public async Task OnceThereIsRoom_AConfiguredChatIsToldHowManyItMissed_BeforeTheNextPost()
    {
        for (var n = 1; n <= 5; n++)
        {
            await ForwardAsync(Configured, n);
        }

        await DeliverAllAsync(Configured);
        Assert.False(await ForwardAsync(Configured, 6));

        // A full outbox is counted again after a second; then the deliveries are seen.
        _time.Advance(BacklogGauge.FullRecheck);

        Assert.True(await ForwardAsync(Configured, 7));
        Assert.Equal([BotTexts.Dropped(3), "sms 7"], await DeliverAllAsync(Configured));
        Assert.True(await ForwardAsync(Configured, 8));
        Assert.Equal(["sms 8"], await DeliverAllAsync(Configured));
    }

    [Fact]
    public async Task AChatThatIsNotConfigured_IsNotToldAboutDrops()
    {
        for (var n = 1; n <= 4; n++)
        {
            await ForwardAsync(Stranger, n);
        }

        await DeliverAllAsync(Stranger);
        _time.Advance(BacklogGauge.FullRecheck);

        Assert.True(await ForwardAsync(Stranger, 5));
        Assert.Equal(["sms 5"], await DeliverAllAsync(Stranger));
    }

    [Fact]
    public async Task OtherOutboxChannels_DoNotCountAgainstTheCapacity()
    {
        for (var n = 1; n <= 10; n++)
        {
            await _outbox.EnqueueAsync(new Core.Outbox.OutboxItem("events", $"e{n}", "{}", _time.GetUtcNow()), CancellationToken.None);
        }

        Assert.True(await ForwardAsync(Configured, 1));
        Assert.Equal(1, await PendingAsync());
    }
}

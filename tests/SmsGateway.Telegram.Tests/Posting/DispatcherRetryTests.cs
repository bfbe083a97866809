using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Outbox;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Posting;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Posting;

/// <summary>The dispatcher's waits (429, backoff, rate limits) on a fake clock: the calls are real HTTP, the waiting is not.</summary>
public sealed class DispatcherRetryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly TempDatabase _db = new();
    private FakeBotApiServer _api = null!;
    private TelegramConnection _connection = null!;
    private SqliteOutbox _outbox = null!;
    private TelegramOutboxWriter _writer = null!;
    private TelegramDispatcher _sut = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        var options = Options.Create(new TelegramOptions
        {
            BotToken = FakeBotApiServer.Token,
            ApiBaseUrl = _api.BaseUrl,
            RetryBaseDelay = TimeSpan.FromSeconds(2),
            RetryMaxDelay = TimeSpan.FromMinutes(5),
            RequestTimeout = TimeSpan.FromSeconds(5),
        });
        _connection = new TelegramConnection(options);
        _outbox = new SqliteOutbox(_db.Database, _time);
        _writer = new TelegramOutboxWriter(_outbox, new TelegramSignals(), _time, Options.Create(new TelegramOptions()), NullLogger<TelegramOutboxWriter>.Instance);
        var sender = new TelegramPostSender(_connection, new SqliteChatBridgeStore(_db.Database), new SqliteMessageStore(_db.Database, _time));
        _sut = new TelegramDispatcher(_outbox, sender, new TelegramRateLimiter(options), _connection, options, _time, NullLogger<TelegramDispatcher>.Instance);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _api.DisposeAsync();
        _db.Dispose();
    }

    private Task EnqueueAsync(long chatId, string text) => _writer.EnqueueTextAsync(chatId, text, null, text, CancellationToken.None);

    private async Task<OutboxChannel?> ChannelAsync(long chatId) =>
        (await _outbox.ListPendingChannelsAsync(TelegramOutboxWriter.Channel(chatId), 1, CancellationToken.None)).SingleOrDefault();

    [Fact]
    public async Task TooManyRequests_WaitsExactlyRetryAfter_ForThatChatAndAllOthers_WithoutCountingAnAttempt()
    {
        _api.FailNext("sendMessage", BotApiFault.TooManyRequests(30));
        await EnqueueAsync(1, "first");

        await _sut.DispatchDueAsync(CancellationToken.None);
        await EnqueueAsync(2, "other chat");

        Assert.Equal(_time.GetUtcNow().AddSeconds(30), (await ChannelAsync(1))!.NextDueAt);
        Assert.Equal(TimeSpan.FromSeconds(30), await _sut.DispatchDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(29.9));
        await _sut.DispatchDueAsync(CancellationToken.None);
        Assert.Single(_api.CallsOf("sendMessage"));

        _time.Advance(TimeSpan.FromSeconds(0.1));
        await _sut.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["first"], _api.SentTexts(1));
        Assert.Equal(["other chat"], _api.SentTexts(2));
        Assert.Null(await ChannelAsync(1));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithGrowingCappedBackoff_AndNeverGivenUp()
    {
        _api.FailNext("sendMessage", BotApiFault.ServerError(502), count: 12);
        await EnqueueAsync(1, "persistent");
        var delays = new List<TimeSpan>();

        for (var attempt = 0; attempt < 12; attempt++)
        {
            await _sut.DispatchDueAsync(CancellationToken.None);
            var due = (await ChannelAsync(1))!.NextDueAt - _time.GetUtcNow();
            delays.Add(due);
            _time.Advance(due > TimeSpan.FromSeconds(1) ? due : TimeSpan.FromSeconds(1));
        }

        await _sut.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["persistent"], _api.SentTexts(1));
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromMinutes(5)));
        Assert.True(delays.Skip(6).Max() > TimeSpan.FromSeconds(10), string.Join(", ", delays));
    }

    [Fact]
    public async Task ARejectedMessage_IsSetAsideAfterItsAttempts_AndTheChatGoesOn()
    {
        _api.FailNext("sendMessage", BotApiFault.BadRequest("chat not found"), count: 5);
        await EnqueueAsync(1, "rejected");
        await EnqueueAsync(1, "next");

        for (var i = 0; i < 6; i++)
        {
            await _sut.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(5, _api.CallsOf("sendMessage").Count(c => c.Status == 400));
        Assert.Equal(["next"], _api.SentTexts(1));
    }

    [Fact]
    public async Task OneChat_GetsOneMessagePerSecond_InOrder()
    {
        await EnqueueAsync(1, "a");
        await EnqueueAsync(1, "b");
        await EnqueueAsync(2, "c");

        await _sut.DispatchDueAsync(CancellationToken.None);
        var wait = await _sut.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["a"], _api.SentTexts(1));
        Assert.Equal(["c"], _api.SentTexts(2));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _sut.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(["a", "b"], _api.SentTexts(1));
    }
}

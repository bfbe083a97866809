using SmsGateway.Telegram.Tests.Support;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Telegram.Tests.Support.BridgeHost;

namespace SmsGateway.Telegram.Tests.Posting;

/// <summary>Inbound SMS on their way to Telegram through the outbox, against a Bot API that misbehaves on request.</summary>
public sealed class ForwardDeliveryTests : IAsyncLifetime
{
    private FakeBotApiServer _api = null!;
    private BridgeHost _bridge = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _bridge = await BridgeHost.StartAsync(_api);
    }

    public async Task DisposeAsync()
    {
        await _bridge.DisposeAsync();
        await _api.DisposeAsync();
    }

    private Task<IReadOnlyList<BotApiCall>> SentAsync(long chatId, int count, TimeSpan? timeout = null) =>
        _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == chatId) >= count, timeout);

    [Fact]
    public async Task InboundSms_GoesToEveryConfiguredChat()
    {
        await _bridge.ReceiveSmsAsync(Sms("Ihr Code: 4711 — gültig 5 Minuten"));

        await SentAsync(ChatA, 1);
        await SentAsync(ChatB, 1);

        Assert.EndsWith("\n\nIhr Code: 4711 — gültig 5 Minuten", Assert.Single(_api.SentTexts(ChatA)));
        Assert.Equal(_api.SentTexts(ChatA), _api.SentTexts(ChatB));
    }

    [Fact]
    public async Task TheSameInboundSmsTwice_IsForwardedOnce()
    {
        var sms = Sms("once");
        await _bridge.ReceiveSmsAsync(sms);
        await _bridge.ReceiveSmsAsync(sms);
        await _bridge.ReceiveSmsAsync(Sms("marker"));

        await SentAsync(ChatA, 2);

        Assert.Equal(2, _api.SentTexts(ChatA).Count);
    }

    [Fact]
    public async Task TooManyRequests_WaitsTheRetryAfterThenSends()
    {
        _api.FailNext("sendMessage", BotApiFault.TooManyRequests(retryAfterSeconds: 1));

        await _bridge.ReceiveSmsAsync(Sms("after a pause"));
        var calls = await SentAsync(ChatA, 1);
        await SentAsync(ChatB, 1);

        var refused = Assert.Single(calls, c => c.Status == 429);
        var firstSuccess = _api.CallsOf("sendMessage").First(c => c.Succeeded);
        Assert.True(firstSuccess.At - refused.At >= TimeSpan.FromSeconds(0.95), $"sent {(firstSuccess.At - refused.At).TotalMilliseconds} ms after the 429");
        Assert.Single(_api.SentTexts(ChatA));
        Assert.Single(_api.SentTexts(ChatB));
    }

    [Fact]
    public async Task ServerError_IsRetriedUntilDelivered()
    {
        _api.FailNext("sendMessage", BotApiFault.ServerError(500), count: 3);

        await _bridge.ReceiveSmsAsync(Sms("despite errors"));

        await SentAsync(ChatA, 1);
        await SentAsync(ChatB, 1);
        Assert.Equal(3, _api.CallsOf("sendMessage").Count(c => c.Status == 500));
    }

    [Fact]
    public async Task NoAnswer_TimesOutAndIsRetried()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(api, new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        await bridge.ReceiveSmsAsync(Sms("warm-up"));
        await api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= 2);
        api.FailNext("sendMessage", BotApiFault.Timeout);

        await bridge.ReceiveSmsAsync(Sms("after a timeout"));

        await api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= 4);
        Assert.Equal(2, api.SentTexts(ChatA).Count);
        Assert.Contains(bridge.Logs.Lines, l => l.Contains("No answer within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TelegramDownForAWhile_DelaysForwardsButLosesNoneAndKeepsEachChatsOrder()
    {
        _api.Down = true;
        for (var i = 1; i <= 6; i++)
        {
            await _bridge.ReceiveSmsAsync(Sms($"message {i}"));
        }

        await _api.WaitForAsync(calls => calls.Count(c => c.Status == 502) >= 6);
        Assert.Empty(_api.SentTexts(ChatA));
        _api.Down = false;

        await SentAsync(ChatA, 6, TimeSpan.FromSeconds(20));
        await SentAsync(ChatB, 6, TimeSpan.FromSeconds(20));
        var expected = Enumerable.Range(1, 6).Select(i => $"message {i}").ToList();
        Assert.Equal(expected, _api.SentTexts(ChatA).Select(t => t[(t.LastIndexOf('\n') + 1)..]));
        Assert.Equal(expected, _api.SentTexts(ChatB).Select(t => t[(t.LastIndexOf('\n') + 1)..]));
    }

    [Fact]
    public async Task ALongSms_ArrivesAsSeveralMessagesInOrder()
    {
        var text = string.Concat(Enumerable.Repeat("Жили-были дед да баба. ", 400));

        await _bridge.ReceiveSmsAsync(Sms(text));

        await SentAsync(ChatA, 3);
        var parts = _api.SentTexts(ChatA);
        Assert.Equal(3, parts.Count);
        Assert.Equal(text, string.Concat(parts.Select(m => m[(m.IndexOf("\n\n", StringComparison.Ordinal) + 2)..])));
    }
}

using SmsGateway.Telegram.Tests.Support;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Telegram.Tests.Support.BridgeHost;

namespace SmsGateway.Telegram.Tests.Posting;

/// <summary>Inbound SMS on their way to Telegram through the outbox, against a Bot API that misbehaves on request.</summary>
public sealed class ForwardDeliveryTests : BridgeTest
{
    [Fact]
    public async Task InboundSms_GoesToEveryConfiguredChat()
    {
        await Bridge.ReceiveSmsAsync(Sms("Ihr Code: 4711 — gültig 5 Minuten"));

        await SentToAsync(ChatA, 1);
        await SentToAsync(ChatB, 1);

        Assert.EndsWith("\n\nIhr Code: 4711 — gültig 5 Minuten", Assert.Single(Api.SentTexts(ChatA)));
        Assert.Equal(Api.SentTexts(ChatA), Api.SentTexts(ChatB));
    }

    [Fact]
    public async Task TheSameInboundSmsTwice_IsForwardedOnce()
    {
        var sms = Sms("once");
        await Bridge.ReceiveSmsAsync(sms);
        await Bridge.ReceiveSmsAsync(sms);
        await Bridge.ReceiveSmsAsync(Sms("marker"));

        await SentToAsync(ChatA, 2);

        Assert.Equal(2, Api.SentTexts(ChatA).Count);
    }

    [Fact]
    public async Task TooManyRequests_WaitsTheRetryAfterThenSends()
    {
        Api.FailNext("sendMessage", BotApiFault.TooManyRequests(retryAfterSeconds: 1));

        await Bridge.ReceiveSmsAsync(Sms("after a pause"));
        var calls = await SentToAsync(ChatA, 1);
        await SentToAsync(ChatB, 1);

        var refused = Assert.Single(calls, c => c.Status == 429);
        var firstSuccess = Api.CallsOf("sendMessage").First(c => c.Succeeded);
        Assert.True(firstSuccess.At - refused.At >= TimeSpan.FromSeconds(0.95), $"sent {(firstSuccess.At - refused.At).TotalMilliseconds} ms after the 429");
        Assert.Single(Api.SentTexts(ChatA));
        Assert.Single(Api.SentTexts(ChatB));
    }

    [Fact]
    public async Task ServerError_IsRetriedUntilDelivered()
    {
        Api.FailNext("sendMessage", BotApiFault.ServerError(500), count: 3);

        await Bridge.ReceiveSmsAsync(Sms("despite errors"));

        await SentToAsync(ChatA, 1);
        await SentToAsync(ChatB, 1);
        Assert.Equal(3, Api.CallsOf("sendMessage").Count(c => c.Status == 500));
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
        Api.Down = true;
        for (var i = 1; i <= 6; i++)
        {
            await Bridge.ReceiveSmsAsync(Sms($"message {i}"));
        }

        await Api.WaitForAsync(calls => calls.Count(c => c.Status == 502) >= 6);
        Assert.Empty(Api.SentTexts(ChatA));
        Api.Down = false;

        await SentToAsync(ChatA, 6, TimeSpan.FromSeconds(20));
        await SentToAsync(ChatB, 6, TimeSpan.FromSeconds(20));
        var expected = Enumerable.Range(1, 6).Select(i => $"message {i}").ToList();
        Assert.Equal(expected, Api.SentTexts(ChatA).Select(t => t[(t.LastIndexOf('\n') + 1)..]));
        Assert.Equal(expected, Api.SentTexts(ChatB).Select(t => t[(t.LastIndexOf('\n') + 1)..]));
    }

    [Fact]
    public async Task ALongSms_ArrivesAsSeveralMessagesInOrder()
    {
        var text = string.Concat(Enumerable.Repeat("Жили-были дед да баба. ", 400));

        await Bridge.ReceiveSmsAsync(Sms(text));

        await SentToAsync(ChatA, 3);
        var parts = Api.SentTexts(ChatA);
        Assert.Equal(3, parts.Count);
        Assert.Equal(text, string.Concat(parts.Select(m => m[(m.IndexOf("\n\n", StringComparison.Ordinal) + 2)..])));
    }
}

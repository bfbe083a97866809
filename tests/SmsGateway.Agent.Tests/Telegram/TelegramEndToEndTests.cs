using System.Diagnostics;
using System.Net.Http.Json;
using System.Net;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;
using Xunit.Abstractions;
using static SmsGateway.Agent.Tests.Telegram.TelegramGateway;

namespace SmsGateway.Agent.Tests.Telegram;

/// <summary>
/// The standalone gateway with the simulated modem and the Telegram bridge in long-polling mode, against
/// the fake Bot API: an SMS into the simulator comes out at Telegram, and a reply there goes out on the air.
/// </summary>
public sealed class TelegramEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Sender = "+4917612345678";
    private FakeBotApiServer _api = null!;
    private GatewayInstance _gateway = null!;
    private string _airLog = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _airLog = Path.Combine(Directory.CreateTempSubdirectory("smsgw-air-").FullName, "air.jsonl");
        _gateway = await TelegramGateway.StartAsync(_api, new Dictionary<string, string?>
        {
            ["Modem:Simulator:AirLog"] = _airLog,
            ["Modem:Simulator:SendDelayMs"] = "10",
            ["Modem:Simulator:DeliveryReportDelayMs"] = "10",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task InboundSms_ReachesEveryChat_AndAReplyThereGoesOutToItsSender()
    {
        // The modem must be up before the simulator can deliver to it.
        await Eventually.WaitUntilAsync(async () => (await _gateway.Client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        var cold = await ForwardAsync("Ist das Paket angekommen? 📦 Grüße", expectedPerChat: 1);

        // Past the one-message-per-second limit of each chat, so the second figure is the forwarding path alone.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var warm = await ForwardAsync("Noch eine Frage", expectedPerChat: 2);
        output.WriteLine($"Injected SMS → sendMessage to both chats at the fake Bot API: first {cold.TotalMilliseconds:F0} ms, second {warm.TotalMilliseconds:F0} ms");

        var forward = _api.CallsOf("sendMessage").First(c => c.ChatId == ChatA && c.Succeeded);
        Assert.Equal("📩 SMS from +49 176 12345678", forward.Text!.Split('\n')[0]);
        Assert.EndsWith("\n\nIst das Paket angekommen? 📦 Grüße", forward.Text);
        Assert.Equal(forward.Text, _api.SentTexts(ChatB)[0]);

        _api.EnqueueUpdate(TelegramUpdates.Text(500, ChatA, 77, "Ja, liegt vor der Tür ✓", replyTo: forward.ResultMessageId));

        await Eventually.WaitUntilAsync(() => Task.FromResult(AirLog.Read(_airLog).Any(e => e.To == Sender && e.Text == "Ja, liegt vor der Tür ✓")), TimeSpan.FromSeconds(20));
        // The answer shows the SMS delivered: edited when it went out earlier, or already so when the
        // answer itself went out after the status report (its text is built when it is sent).
        await _api.WaitForAsync(calls => calls.Any(c =>
            (c.Method == "editMessageText" || (c.Method == "sendMessage" && c.Text!.StartsWith("📤", StringComparison.Ordinal)))
            && c.Text!.Contains("delivered", StringComparison.Ordinal)));
        var answer = _api.SentTexts(ChatA)[^1];
        Assert.StartsWith("📤 SMS ", answer);
    }

    private async Task<TimeSpan> ForwardAsync(string text, int expectedPerChat)
    {
        var clock = Stopwatch.StartNew();
        var injected = await _gateway.Client.PostAsJsonAsync("/api/simulator/inbound", new { from = Sender, text });
        Assert.Equal(HttpStatusCode.Accepted, injected.StatusCode);
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.ChatId == ChatA && c.Succeeded) >= expectedPerChat
            && calls.Count(c => c.Method == "sendMessage" && c.ChatId == ChatB && c.Succeeded) >= expectedPerChat);
        return clock.Elapsed;
    }

}

using System.Net;
using System.Text;
using SmsGateway.Agent.Tests.Faults;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Agent.Tests.Telegram.TelegramGateway;

namespace SmsGateway.Agent.Tests.Telegram;

/// <summary><c>POST /api/telegram/webhook</c> in webhook mode: the secret first, then one action per update.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_webhook-token";
    private const string WebhookUrl = "https://gateway.example/api/telegram/webhook";
    private FakeBotApiServer _api = null!;
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _gateway = await TelegramGateway.StartAsync(_api, new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = WebhookUrl,
            ["Telegram:WebhookSecret"] = Secret,
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return _gateway.Client.SendAsync(request);
    }

    [Fact]
    public async Task Start_RegistersTheWebhookWithItsSecret()
    {
        var calls = await _api.WaitForAsync(calls => calls.Any(c => c.Method == "setWebhook"));

        var setWebhook = calls.Single(c => c.Method == "setWebhook");
        Assert.Equal(WebhookUrl, setWebhook.Body.GetProperty("url").GetString());
        Assert.Equal(Secret, setWebhook.Body.GetProperty("secret_token").GetString());
        Assert.DoesNotContain(calls, c => c.Method == "getUpdates");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("S3CRET_webhook-token")]
    public async Task AWrongOrMissingSecret_Is401_AndNothingIsRecorded(string? secret)
    {
        var response = await PostAsync(TelegramUpdates.Text(1, ChatA, 10, "/sms +4915112345678 Hi"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _gateway.Services.GetRequiredService<IChatInbox>().ListPendingAsync(10, CancellationToken.None));
        await Task.Delay(300);
        Assert.DoesNotContain(_api.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task TheSameUpdateTwice_IsAnswered200BothTimes_AndActedOnOnce()
    {
        var update = TelegramUpdates.Text(2, ChatA, 11, "/help");

        var first = await PostAsync(update, Secret);
        var second = await PostAsync(update, Secret);
        await PostAsync(TelegramUpdates.Text(3, ChatA, 12, "/status"), Secret);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= 2);
        var texts = _api.SentTexts(ChatA);
        Assert.Equal(2, texts.Count);
        Assert.Contains("/sms <number> <text>", texts[0]);
        Assert.StartsWith("📊 Gateway status", texts[1]);
    }

    [Fact]
    public async Task AMalformedChunkedBody_Is400Problem_AndNothingIsRecorded()
    {
        var request = RawHttp.PostHead("/api/telegram/webhook", GatewayInstance.ApiKey, "Transfer-Encoding: chunked", extraHeaders: $"X-Telegram-Bot-Api-Secret-Token: {Secret}\r\n")
            + HttpEdgeTests.Malformed("bad chunk size line", TelegramUpdates.Text(4, ChatA, 13, "/help"));

        var response = await RawHttp.SendAsync(_gateway.Client.BaseAddress!, request, TimeSpan.FromSeconds(30));

        HttpEdgeTests.AssertProblem(400, response);
        Assert.Empty(await _gateway.Services.GetRequiredService<IChatInbox>().ListPendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutABotToken_ThereIsNoWebhook()
    {
        await using var plain = await GatewayInstance.StartAsync();

        var response = await plain.Client.PostAsync("/api/telegram/webhook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

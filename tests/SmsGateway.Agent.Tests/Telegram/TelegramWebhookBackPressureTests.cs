using System.Net;
using System.Text;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Agent.Tests.Telegram.TelegramGateway;

namespace SmsGateway.Agent.Tests.Telegram;

/// <summary>The webhook with a full inbox (<c>Telegram:InboxCapacity</c>): a 503 problem with Retry-After, so Telegram repeats the update later.</summary>
public sealed class TelegramWebhookBackPressureTests : IAsyncLifetime
{
    private const string Secret = "s3cret_webhook-token";
    private FakeBotApiServer _api = null!;
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _gateway = await TelegramGateway.StartAsync(_api, new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://gateway.example/api/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:InboxCapacity"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        return _gateway.Client.SendAsync(request);
    }

    [Fact]
    public async Task AFullInbox_Answers503WithRetryAfter_AndTheRepeatedUpdateIsActedOnLater()
    {
        var first = await PostAsync(TelegramUpdates.Text(1, ChatA, 10, "/help"));

        // Within a second of the first, the inbox counts as holding it (it is counted again a second after it was full).
        var second = await PostAsync(TelegramUpdates.Text(2, ChatA, 11, "/status"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);

        // Telegram repeats it; by then the first was acted on and counted again.
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.ChatId == ChatA) >= 1);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var repeated = await PostAsync(TelegramUpdates.Text(2, ChatA, 11, "/status"));

        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.ChatId == ChatA) >= 2);
    }
}

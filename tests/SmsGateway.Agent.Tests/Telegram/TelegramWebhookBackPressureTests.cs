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
    public async Task AFullInbox_Answers503WithRetryAfter_AndUpdatesRepeatedAsTelegramDoes_AreEachActedOnOnce()
    {
        // Five updates back to back with room for one: Telegram's side repeats each refused update until it is taken.
        var refusals = new List<HttpResponseMessage>();
        for (var id = 1; id <= 5; id++)
        {
            var update = TelegramUpdates.Text(id, ChatA, 10 + id, "/help");
            for (var attempt = 1; ; attempt++)
            {
                var response = await PostAsync(update);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                refusals.Add(response);
                Assert.True(attempt < 100, $"update {id} was never taken");
                await Task.Delay(200);
            }
        }

        // The inbox counts as holding an update for a second after it filled, so the next one right behind it is refused.
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), r.Headers.RetryAfter?.Delta);
        });
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.ChatId == ChatA) >= 5, TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        Assert.Equal(5, _api.CallsOf("sendMessage").Count(c => c.ChatId == ChatA));
    }
}

using SmsGateway.Core.Hosting;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Functions.Telegram;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Telegram.Updates;
using SmsGateway.Testing.Azurite;
using SmsGateway.Testing.Telegram;

namespace SmsGateway.Functions.Tests.Telegram;

[Collection(AzuriteCollection.Name)]
public sealed class TelegramWebhookFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Update = TelegramUpdates.Text(1001, 42, 5, "/status");

    private FakeBotApiServer _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(CloudHost.WebhookSecret + "x")]
    public async Task Webhook_MissingOrWrongSecret_Returns401_AndRecordsNothing(string? secret)
    {
        await using var host = await CloudHost.StartAsync(azurite, _api);

        var response = await PostAsync(host, secret, Update);

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);

        // Never recorded: the inbox takes the update as new.
        Assert.True(await host.Get<IChatInbox>().AddAsync(new ChatUpdate(1001, Update, host.Time.GetUtcNow()), CancellationToken.None));
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task Webhook_WrongSecret_DoesNotReadTheBody()
    {
        await using var host = await CloudHost.StartAsync(azurite, _api);
        var request = host.Request("POST", "/api/telegram/webhook", Update, "application/json", (TelegramWebhookReceiver.SecretHeader, "wrong"));

        await host.Function<TelegramWebhookFunction>().RunAsync(request, CancellationToken.None);

        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task Webhook_RightSecret_ActsOnTheUpdateOnce_EvenWhenTelegramRepeatsIt()
    {
        await using var host = await CloudHost.StartAsync(azurite, _api);

        var first = await PostAsync(host, CloudHost.WebhookSecret, Update);
        var repeat = await PostAsync(host, CloudHost.WebhookSecret, Update);

        Assert.Equal(200, first.Status);
        Assert.Equal(200, repeat.Status);
        var answer = Assert.Single(_api.SentTexts(42));
        Assert.StartsWith("📊 Gateway status", answer, StringComparison.Ordinal);
        Assert.Empty(await host.Get<IChatInbox>().ListPendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Webhook_InboxFull_Returns503WithRetryAfter_AndTheRepeatIsActedOnOnceCountedAgain()
    {
        await using var host = await CloudHost.StartAsync(azurite, _api, new Dictionary<string, string?> { ["Telegram:InboxCapacity"] = "1" });
        var second = TelegramUpdates.Text(1002, 42, 6, "/help");

        await PostAsync(host, CloudHost.WebhookSecret, Update);
        var refused = await PostAsync(host, CloudHost.WebhookSecret, second);

        Assert.Equal(503, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("5", refused.Headers["Retry-After"]);
        Assert.Single(_api.SentTexts(42));

        // The first update was acted on in its own call; a full inbox is counted again a second later.
        host.Time.Advance(BacklogGauge.FullRecheck);
        var repeated = await PostAsync(host, CloudHost.WebhookSecret, second);

        Assert.Equal(200, repeated.Status);
        Assert.Equal(2, _api.SentTexts(42).Count);
    }

    [Fact]
    public async Task Webhook_NotAnUpdate_Returns400()
    {
        await using var host = await CloudHost.StartAsync(azurite, _api);

        var response = await PostAsync(host, CloudHost.WebhookSecret, "{\"hello\": 1}");

        Assert.Equal(400, response.Status);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task Webhook_BridgeOff_Returns404()
    {
        await using var host = await CloudHost.StartAsync(azurite);

        var response = await PostAsync(host, CloudHost.WebhookSecret, Update);

        Assert.Equal(404, response.Status);
    }

    internal static async Task<TestResponse> PostAsync(CloudHost host, string? secret, string body)
    {
        var headers = secret is null ? [] : new[] { (TelegramWebhookReceiver.SecretHeader, secret) };
        var request = host.Request("POST", "/api/telegram/webhook", body, "application/json", headers);
        var result = await host.Function<TelegramWebhookFunction>().RunAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

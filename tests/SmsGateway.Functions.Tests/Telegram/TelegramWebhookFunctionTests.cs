using SmsGateway.Azure.Tests.Support;
using SmsGateway.Functions.Telegram;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Functions.Tests.Telegram;

[Collection(AzuriteCollection.Name)]
public sealed class TelegramWebhookFunctionTests(AzuriteFixture azurite)
{
    private const string Update = "{\"update_id\": 1001, \"message\": {\"message_id\": 5, \"date\": 1767225600, \"chat\": {\"id\": 42, \"type\": \"private\"}, \"text\": \"/status\"}}";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(CloudHost.WebhookSecret + "x")]
    public async Task Webhook_MissingOrWrongSecret_Returns401_AndRecordsNothing(string? secret)
    {
        await using var host = await CloudHost.StartAsync(azurite, telegram: true);

        var response = await PostAsync(host, secret, Update);

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty(host.ChatInbox!.Updates);
    }

    [Fact]
    public async Task Webhook_WrongSecret_DoesNotReadTheBody()
    {
        await using var host = await CloudHost.StartAsync(azurite, telegram: true);
        var request = host.Request("POST", "/api/telegram/webhook", Update, "application/json", (TelegramWebhookReceiver.SecretHeader, "wrong"));

        await host.Function<TelegramWebhookFunction>().RunAsync(request, CancellationToken.None);

        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task Webhook_RightSecret_RecordsTheUpdateOnce()
    {
        await using var host = await CloudHost.StartAsync(azurite, telegram: true);

        var first = await PostAsync(host, CloudHost.WebhookSecret, Update);
        var repeat = await PostAsync(host, CloudHost.WebhookSecret, Update);

        Assert.Equal(200, first.Status);
        Assert.Equal(200, repeat.Status);
        Assert.Equal(1001, Assert.Single(host.ChatInbox!.Updates).UpdateId);
    }

    [Fact]
    public async Task Webhook_NotAnUpdate_Returns400()
    {
        await using var host = await CloudHost.StartAsync(azurite, telegram: true);

        var response = await PostAsync(host, CloudHost.WebhookSecret, "{\"hello\": 1}");

        Assert.Equal(400, response.Status);
        Assert.Empty(host.ChatInbox!.Updates);
    }

    [Fact]
    public async Task Webhook_BridgeOff_Returns404()
    {
        await using var host = await CloudHost.StartAsync(azurite);

        var response = await PostAsync(host, CloudHost.WebhookSecret, Update);

        Assert.Equal(404, response.Status);
    }

    private static async Task<TestResponse> PostAsync(CloudHost host, string? secret, string body)
    {
        var headers = secret is null ? [] : new[] { (TelegramWebhookReceiver.SecretHeader, secret) };
        var request = host.Request("POST", "/api/telegram/webhook", body, "application/json", headers);
        var result = await host.Function<TelegramWebhookFunction>().RunAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;
using SmsGateway.Testing.Webhooks;

namespace SmsGateway.Agent.Tests.Webhooks;

/// <summary>The standalone gateway with an endpoint from configuration, and a receiver on Kestrel.</summary>
public sealed class WebhookEventsTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WebhookReceiver _receiver = null!;
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Url"] = _receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = Secret,
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        });
    }

    private Task ReceiveAsync(string text) =>
        _gateway.Services.GetRequiredService<IInboundSmsSink>().StoreInboundAsync(
            new InboundSmsPart("+4917600000001", DateTimeOffset.UtcNow, text, null, "PDU " + text), CancellationToken.None);

    private async Task<List<JsonElement>> WaitForDeliveriesAsync(string status, int count, Func<JsonElement, bool>? where = null)
    {
        List<JsonElement> items = [];
        await Eventually.WaitUntilAsync(
            async () =>
            {
                var page = await _gateway.Client.GetFromJsonAsync<JsonElement>($"/api/webhooks/wh_config_0/deliveries?status={status}");
                items = [.. page.GetProperty("items").EnumerateArray().Where(where ?? (_ => true))];
                return items.Count >= count;
            },
            TimeSpan.FromSeconds(30),
            $"{count} {status} deliveries");
        return items;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ASentMessage_IsPostedAsMessageSent_WithItsIdDestinationAndClientReference()
    {
        using var response = await _gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "hello" }, idempotencyKey: "order-17");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await Eventually.WaitUntilAsync(() => _receiver.Accepted.Count >= 1, "message.sent at the receiver");

        using var body = JsonDocument.Parse(_receiver.Accepted[0].Body);
        Assert.Equal("message.sent", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal<(string?, string?, string?, string?)>((id, "+4915112345678", "sent", "order-17"), (
            data.GetProperty("messageId").GetString(), data.GetProperty("destination").GetString(),
            data.GetProperty("status").GetString(), data.GetProperty("clientReference").GetString()));
        Assert.StartsWith("v1,", _receiver.Accepted[0].Signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_ListWhatWasDelivered_AndAReplayPostsItAgainWithTheSameWebhookId()
    {
        await ReceiveAsync("first");
        await Eventually.WaitUntilAsync(() => _receiver.Accepted.Count == 1, "the event at the receiver");
        var eventId = _receiver.Accepted[0].Id;
        var delivered = await WaitForDeliveriesAsync("delivered", 1);
        Assert.Equal((eventId, "sms.received", 0), (delivered[0].GetProperty("eventId").GetString(), delivered[0].GetProperty("type").GetString(), delivered[0].GetProperty("attempts").GetInt32()));

        using var replay = await _gateway.Client.PostAsync($"/api/webhooks/wh_config_0/deliveries/{eventId}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.WaitUntilAsync(() => _receiver.Accepted.Count == 2, "the replayed event at the receiver");
        Assert.Equal((eventId, _receiver.Accepted[0].Body), (_receiver.Accepted[1].Id, _receiver.Accepted[1].Body));
    }

    [Fact]
    public async Task AFailingReceiver_LeavesTheDeliveryPendingWithTheError()
    {
        _receiver.Status = 503;

        await ReceiveAsync("while down");

        var pending = await WaitForDeliveriesAsync("pending", 1, d => d.GetProperty("attempts").GetInt32() == 1);
        Assert.Contains("503", pending[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(pending[0].GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        using var anonymous = _gateway.ClientWithKey(null);
        var health = (await anonymous.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("webhooks")[0];
        Assert.Equal(("wh_config_0", true, 1, 1), (health.GetProperty("id").GetString(), health.GetProperty("failing").GetBoolean(), health.GetProperty("pending").GetInt32(), health.GetProperty("retrying").GetInt32()));
        Assert.Equal("healthy", (await anonymous.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReceiverThatTakes10sPerRequest_DoesNotDelaySends()
    {
        _receiver.Delay = TimeSpan.FromSeconds(10);
        var started = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = $"while slow {i}" });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        foreach (var id in ids)
        {
            await _gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        }

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5), "the sends waited on the receiver");
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task AReceivedSms_IsPostedAsSmsReceived()
    {
        var sink = _gateway.Services.GetRequiredService<IInboundSmsSink>();

        await sink.StoreInboundAsync(new InboundSmsPart("+4917600000001", DateTimeOffset.UtcNow, "Hi there", null, "PDU"), CancellationToken.None);

        await Eventually.WaitUntilAsync(() => _receiver.Accepted.Count >= 1, "sms.received at the receiver");
        using var body = JsonDocument.Parse(_receiver.Accepted[0].Body);
        Assert.Equal("sms.received", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(("+4917600000001", "Hi there"), (
            body.RootElement.GetProperty("data").GetProperty("from").GetString(), body.RootElement.GetProperty("data").GetProperty("text").GetString()));
    }
}

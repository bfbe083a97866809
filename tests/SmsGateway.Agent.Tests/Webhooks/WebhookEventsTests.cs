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

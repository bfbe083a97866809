using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Modem.Simulator;
using SmsGateway.Testing;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

public sealed class CloudModeTests : CloudAgentTest
{
    [Fact]
    public async Task QueuedSms_IsSentByTheModem_AndSentDeliveredReachTheCloud()
    {
        await using var agent = await StartAgentAsync();
        await agent.WaitForHealthyAsync();
        var sms = CloudAgentInstance.Sms("Hello from the cloud");
        await CloudAgentInstance.PublishAsync(Bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(Cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");
        var errors = Cloud.Applied.Where(e => e.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(e => e.GetProperty("error").GetString()).ToList();
        Assert.True(errors.Count == 0, "send errors: " + string.Join(" | ", errors.Distinct()));

        // "sending" lingers (Cloud:EventLinger) and "sent", one air time later, replaces it: CloudEventLingerTests.
        Assert.Equal(["sent", "delivered"], Statuses(Cloud.Applied, sms.MessageId));
        var air = Assert.Single(AirLog.Read(agent.AirLogPath));
        Assert.Equal(("+4915112345678", "Hello from the cloud"), (air.To, air.Text));
        Assert.Equal((0, 0), (Cloud.Unauthorized, Cloud.Invalid));

        var sent = Cloud.Applied.Where(e => Kind(e) == "destination_status").First(s => s.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, sent.GetProperty("partReferences").GetArrayLength());
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());

        // Settled on Service Bus only after "sent" was durable.
        await Eventually.WaitUntilAsync(() => Bus.GetCountsAsync([CloudAgentInstance.Subscription], CancellationToken.None).Result.Active == 0, "the subscription to empty");
    }

    [Fact]
    public async Task InboundSmsAndHeartbeats_ReachTheCloud()
    {
        await using var agent = await StartAgentAsync();
        await Eventually.WaitUntilAsync(() => Cloud.Applied.Any(e => Kind(e) == "heartbeat" && e.GetProperty("modem").GetProperty("registered").GetBoolean()), "a heartbeat with the modem registered");

        agent.Services.GetRequiredService<SimulatedModem>().InjectInbound("+4915199999999", "Hi agent");

        await Eventually.WaitUntilAsync(() => Cloud.Applied.Any(e => Kind(e) == "inbound_sms"), "the inbound event");
        var inbound = Cloud.Applied.First(e => Kind(e) == "inbound_sms").GetProperty("message");
        Assert.Equal(("+4915199999999", "Hi agent"), (inbound.GetProperty("sender").GetString(), inbound.GetProperty("text").GetString()));

        var heartbeat = Cloud.Applied.Last(e => Kind(e) == "heartbeat");
        Assert.Equal(CloudAgentInstance.AgentId, heartbeat.GetProperty("agentId").GetString());
        Assert.True(heartbeat.GetProperty("modem").GetProperty("connected").GetBoolean());
        Assert.Equal(0, heartbeat.GetProperty("queueDepth").GetInt32());
        Assert.Equal((0, 0), (Cloud.Unauthorized, Cloud.Invalid));
    }

    [Fact]
    public async Task LocalHttp_ServesOnlyHealthAndMetrics()
    {
        await using var agent = await StartAgentAsync();

        var messages = await agent.Client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = "x" });
        var health = await agent.Client.GetAsync("/api/health");
        var metrics = await agent.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Contains(health.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        Assert.True((await health.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("queue", out _));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }
}

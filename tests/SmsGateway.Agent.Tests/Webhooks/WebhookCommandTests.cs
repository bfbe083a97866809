using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Agent.Webhooks;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;
using SmsGateway.Testing.Webhooks;

namespace SmsGateway.Agent.Tests.Webhooks;

/// <summary><c>webhooks list|deliveries|replay</c> as its own process, on the database of a stopped gateway.</summary>
public sealed class WebhookCommandTests
{
    [Fact]
    public async Task ListDeliveriesAndReplay_OnTheDatabaseOfAStoppedGateway()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        string dataPath;
        await using (var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        }))
        {
            dataPath = gateway.DataPath;
            await gateway.Services.GetRequiredService<IInboundSmsSink>().StoreInboundAsync(
                new InboundSmsPart("+4917600000001", DateTimeOffset.UtcNow, "hi", null, "PDU"), CancellationToken.None);
            await Eventually.WaitUntilAsync(
                async () => (await gateway.Client.GetStringAsync("/api/webhooks/wh_config_0/deliveries?status=delivered")).Contains("evt_", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                "the delivery recorded as delivered");
        }

        var storage = $"--Storage:Path={dataPath}";
        var list = await AgentProcess.RunCommandAsync(["webhooks", "list", storage], TimeSpan.FromMinutes(1));
        var delivered = await AgentProcess.RunCommandAsync(["webhooks", "deliveries", "wh_config_0", "--status", "delivered", storage], TimeSpan.FromMinutes(1));
        var eventId = receiver.Accepted[0].Id;
        var replay = await AgentProcess.RunCommandAsync(["webhooks", "replay", "wh_config_0", eventId, storage], TimeSpan.FromMinutes(1));
        var pending = await AgentProcess.RunCommandAsync(["webhooks", "deliveries", "wh_config_0", "--status", "pending", storage], TimeSpan.FromMinutes(1));
        var missing = await AgentProcess.RunCommandAsync(["webhooks", "replay", "wh_config_0", "evt_none", storage], TimeSpan.FromMinutes(1));
        var usage = await AgentProcess.RunCommandAsync(["webhooks", "deliveries", "wh_config_0", "--status", "lost", storage], TimeSpan.FromMinutes(1));

        Assert.Equal(WebhookCommands.Success, list.ExitCode);
        var endpoint = JsonDocument.Parse(list.Output).RootElement.GetProperty("items")[0];
        Assert.Equal(("wh_config_0", "configuration"), (endpoint.GetProperty("id").GetString(), endpoint.GetProperty("source").GetString()));
        Assert.DoesNotContain("whsec_", list.Output, StringComparison.Ordinal);
        Assert.Equal(WebhookCommands.Success, delivered.ExitCode);
        Assert.Equal(eventId, JsonDocument.Parse(delivered.Output).RootElement.GetProperty("items")[0].GetProperty("eventId").GetString());
        Assert.Equal(WebhookCommands.Success, replay.ExitCode);
        Assert.Equal(eventId, JsonDocument.Parse(replay.Output).RootElement.GetProperty("replayed")[0].GetString());
        Assert.Equal(eventId, JsonDocument.Parse(pending.Output).RootElement.GetProperty("items")[0].GetProperty("eventId").GetString());
        Assert.Equal(WebhookCommands.NotFound, missing.ExitCode);
        Assert.Equal(WebhookCommands.UsageError, usage.ExitCode);
    }
}

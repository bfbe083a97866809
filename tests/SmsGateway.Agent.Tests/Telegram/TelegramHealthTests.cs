using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;
using SmsGateway.Testing.Telegram;

namespace SmsGateway.Agent.Tests.Telegram;

/// <summary><c>/api/health</c> shows how full the Telegram bridge's bounded stages are, and nothing while the bridge is off.</summary>
public sealed class TelegramHealthTests
{
    [Fact]
    public async Task WhileTelegramIsDown_HealthCountsThePostsWaiting_AgainstTheCapacity()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        api.Down = true;
        await using var gateway = await TelegramGateway.StartAsync(api, new Dictionary<string, string?> { ["Telegram:OutboxCapacity"] = "50" });

        await gateway.Client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text = "while Telegram is down" });

        // One forward for each of the two chats.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement telegram;
        do
        {
            await Task.Delay(100);
            telegram = (await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("telegram");
        }
        while (telegram.GetProperty("outboxPending").GetInt32() < 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, telegram.GetProperty("outboxPending").GetInt32());
        Assert.Equal(50, telegram.GetProperty("outboxCapacity").GetInt32());
        Assert.Equal(0, telegram.GetProperty("inboxPending").GetInt32());
        Assert.Equal(1000, telegram.GetProperty("inboxCapacity").GetInt32());
    }

    [Fact]
    public async Task WithTheBridgeOff_HealthHasNoTelegramPart()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem());

        var health = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal(JsonValueKind.Null, health.GetProperty("telegram").ValueKind);
    }
}

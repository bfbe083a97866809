using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task TransientFailuresInARow_OpenTheCircuit_MessagesWaitUncharged_ThenAProbeClosesIt()
    {
        var modem = new ScriptedModem { AlwaysFail = new SmsSendException(SendFailureKind.Transient, "no answer from modem"), ProbeSucceeds = false };
        await using var gateway = await GatewayInstance.StartAsync(modem, new Dictionary<string, string?>
        {
            ["Outbound:MaxAttempts"] = "50",
            ["Outbound:CircuitFailureThreshold"] = "3",
            ["Outbound:CircuitBreakDuration"] = "00:00:00.500",
        });
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = $"circuit {i}" });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var health = await WaitForHealthAsync(gateway, h => h.GetProperty("circuit").GetProperty("state").GetString() != "closed");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("no answer from modem", health.GetProperty("circuit").GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The worker may have taken the next item ahead (marked sending, one attempt) while the send that opened
        // the circuit failed; it puts that item back, uncharged, the next time it looks at the circuit. A probe
        // comes only after the break, so once one has come that item is back.
        var probesAtOpen = modem.Probes;
        await Eventually.WaitUntilAsync(() => modem.Probes > probesAtOpen, TimeSpan.FromSeconds(15));
        var charged = await TotalAttemptsAsync(gateway, ids);
        var probesBefore = modem.Probes;
        await Eventually.WaitUntilAsync(() => modem.Probes >= probesBefore + 3, TimeSpan.FromSeconds(15));
        Assert.Equal(charged, await TotalAttemptsAsync(gateway, ids));
        Assert.Equal(3, charged);

        modem.AlwaysFail = null;
        modem.ProbeSucceeds = true;
        foreach (var id in ids)
        {
            await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        }

        health = await WaitForHealthAsync(gateway, h => h.GetProperty("status").GetString() == "healthy");
        Assert.Equal("closed", health.GetProperty("circuit").GetProperty("state").GetString());
        Assert.Equal(4, modem.Sent.Count);
    }

    private static async Task<int> TotalAttemptsAsync(GatewayInstance gateway, IEnumerable<string> ids)
    {
        var total = 0;
        foreach (var id in ids)
        {
            total += (await gateway.GetMessageAsync(id)).GetProperty("destinations")[0].GetProperty("attempts").GetInt32();
        }

        return total;
    }

    private static async Task<JsonElement> WaitForHealthAsync(GatewayInstance gateway, Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var health = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health");
            if (predicate(health))
            {
                return health;
            }

            Assert.True(DateTime.UtcNow < deadline, $"health never matched; last: {health}");
            await Task.Delay(20);
        }
    }

}

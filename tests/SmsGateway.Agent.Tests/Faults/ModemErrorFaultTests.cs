using System.Net.Http.Json;
using System.Text.Json;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>Fault scenario 4 and 5: modem error codes through the real AT driver, and idempotent intake under a race.</summary>
public sealed class ModemErrorFaultTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Outbound:RetryBaseDelay"] = "00:00:00.020",
        ["Outbound:RetryMaxDelay"] = "00:00:00.100",
    };

    [Fact]
    public async Task Cms42ThreeTimesThenOk_IsDeliveredAfterBackoff_WithOneTransmission()
    {
        await using var gateway = await SimulatorGateway.StartAsync(FastRetries);
        gateway.Simulator.FailNextSends(42, 3);

        var id = await gateway.Gateway.SendTextAsync("congestion");
        var message = await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "delivered");

        Assert.Equal(4, message.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());
        Assert.Equal(1, gateway.TransmissionsByText()["congestion"]);
    }

    [Fact]
    public async Task Cms21_IsDeadLetteredOnTheFirstAttempt_WithoutTransmission()
    {
        await using var gateway = await SimulatorGateway.StartAsync(FastRetries);
        gateway.Simulator.FailNextSends(21, 1);

        var id = await gateway.Gateway.SendTextAsync("rejected");
        var message = await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "failed");

        var destination = message.GetProperty("destinations")[0];
        Assert.Equal(1, destination.GetProperty("attempts").GetInt32());
        Assert.Contains("PermanentError", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(gateway.TransmissionsByText().ContainsKey("rejected"));
    }

    [Fact]
    public async Task AlwaysFailing_IsDeadLetteredAfterExactlyFiveAttempts_AndReplayTransmitsExactlyOnce()
    {
        await using var gateway = await SimulatorGateway.StartAsync(FastRetries);
        gateway.Simulator.FailNextSends(42, 5);

        var id = await gateway.Gateway.SendTextAsync("hopeless");
        var failed = await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "failed");
        Assert.Equal(5, failed.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());

        await gateway.Gateway.WaitForDeadLettersAsync();
        var letters = await gateway.Gateway.Client.GetFromJsonAsync<JsonElement>("/api/deadletters");
        var itemId = letters.GetProperty("items")[0].GetProperty("itemId").GetString();
        (await gateway.Gateway.Client.PostAsync($"/api/deadletters/{itemId}/replay", null)).EnsureSuccessStatusCode();
        await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "delivered", TimeSpan.FromSeconds(30));

        Assert.Equal(1, gateway.TransmissionsByText()["hopeless"]);
    }

    [Fact]
    public async Task TenConcurrentRequestsWithOneIdempotencyKey_GiveOneMessageAndOneTransmission()
    {
        await using var gateway = await SimulatorGateway.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => gateway.Gateway.SendTextAsync("only once", idempotencyKey: "same-key")));

        var id = Assert.Single(ids.Distinct());
        await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "delivered");
        Assert.Equal(1, gateway.TransmissionsByText()["only once"]);
    }
}

using SmsGateway.Functions.Health;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Health;

[Collection(AzuriteCollection.Name)]
public sealed class HealthFunctionTests(AzuriteFixture azurite) : CloudAgentsTest(azurite)
{
    [Fact]
    public async Task Health_BothAgentsReporting_IsHealthy_WithModemAndQueue()
    {
        await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-a", CloudHost.AgentA, Host.Time.GetUtcNow(), queueDepth: 3));
        await Agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-b", CloudHost.AgentB, Host.Time.GetUtcNow()));

        var response = await GetHealthAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Json.GetProperty("status").GetString());
        var a = response.Json.GetProperty("agents")[0];
        Assert.Equal(CloudHost.AgentA, a.GetProperty("agentId").GetString());
        Assert.Equal("online", a.GetProperty("status").GetString());
        Assert.Equal(-71, a.GetProperty("modem").GetProperty("signalDbm").GetInt32());
        Assert.Equal("Telekom.de", a.GetProperty("modem").GetProperty("operator").GetString());
        Assert.Equal(3, a.GetProperty("queue").GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Health_AgentSilentLongerThanOfflineAfter_IsOffline_AndGatewayDegraded()
    {
        await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-a1", CloudHost.AgentA, Host.Time.GetUtcNow()));
        await Agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-b1", CloudHost.AgentB, Host.Time.GetUtcNow()));
        Host.Time.Advance(TimeSpan.FromMinutes(4));
        await Agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-b2", CloudHost.AgentB, Host.Time.GetUtcNow()));
        Host.Time.Advance(TimeSpan.FromMinutes(2));

        var response = await GetHealthAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("degraded", response.Json.GetProperty("status").GetString());
        var agents = response.Json.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agentId").GetString()!, a => a.GetProperty("status").GetString());
        Assert.Equal("offline", agents[CloudHost.AgentA]);
        Assert.Equal("online", agents[CloudHost.AgentB]);
    }

    [Fact]
    public async Task Health_NoAgentEverReported_IsUnhealthy503_ListingConfiguredAgentsOffline()
    {
        var response = await GetHealthAsync();

        Assert.Equal(503, response.Status);
        Assert.Equal("unhealthy", response.Json.GetProperty("status").GetString());
        Assert.All(response.Json.GetProperty("agents").EnumerateArray(), a => Assert.Equal("offline", a.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Health_OlderHeartbeatArrivingLate_DoesNotReplaceTheNewer()
    {
        var now = Host.Time.GetUtcNow();
        await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-new", CloudHost.AgentA, now, queueDepth: 1));
        await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-old", CloudHost.AgentA, now.AddMinutes(-1), connected: false, queueDepth: 9));

        var response = await GetHealthAsync();

        var a = response.Json.GetProperty("agents")[0];
        Assert.True(a.GetProperty("modem").GetProperty("connected").GetBoolean());
        Assert.Equal(1, a.GetProperty("queue").GetProperty("depth").GetInt32());
    }

    private async Task<TestResponse> GetHealthAsync()
    {
        var request = Host.Request("GET", "/api/health", contentType: null);
        var result = await Host.Function<HealthFunction>().RunAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

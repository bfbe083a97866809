using System.Net;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Security;

/// <summary>The per-key daily cap and the per-number hourly limit survive a restart (they are journaled in SQLite).</summary>
public sealed class DurableLimitsTests
{
    [Fact]
    public async Task DailyCapReached_Restart_StillRefused()
    {
        var settings = new Dictionary<string, string?> { ["Api:DailyCap"] = "2" };
        string dataPath;
        await using (var first = await GatewayInstance.StartAsync(new ScriptedModem(), settings))
        {
            dataPath = first.DataPath;
            await first.SendTextAsync("one", "+4915112345001");
            await first.SendTextAsync("two", "+4915112345002");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(new { to = new[] { "+4915112345003" }, text = "three" })).StatusCode);
        }

        await using var second = await GatewayInstance.StartAsync(new ScriptedModem(), settings, dataPath);
        var refused = await second.SendAsync(new { to = new[] { "+4915112345004" }, text = "after the restart" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("daily cap", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyLimitOfANumberReached_Restart_StillRefused_OtherNumbersNot()
    {
        var settings = new Dictionary<string, string?> { ["Sms:PerDestinationPerHour"] = "2" };
        string dataPath;
        await using (var first = await GatewayInstance.StartAsync(new ScriptedModem(), settings))
        {
            dataPath = first.DataPath;
            await first.SendTextAsync("one");
            await first.SendTextAsync("two");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(new { to = new[] { "+4915112345678" }, text = "three" })).StatusCode);
        }

        await using var second = await GatewayInstance.StartAsync(new ScriptedModem(), settings, dataPath);
        var refused = await second.SendAsync(new { to = new[] { "+4915112345678" }, text = "after the restart" });
        var other = await second.SendAsync(new { to = new[] { "+4915112345679" }, text = "another number" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}

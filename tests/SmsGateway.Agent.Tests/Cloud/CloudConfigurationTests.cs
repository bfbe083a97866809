using Microsoft.Extensions.Options;

namespace SmsGateway.Agent.Tests.Cloud;

public sealed class CloudConfigurationTests
{
    private static async Task<string[]> StartFailuresAsync(Dictionary<string, string?> settings)
    {
        var dataPath = Directory.CreateTempSubdirectory("smsgw-cloudcfg-").FullName;
        await using var app = CloudAgentInstance.Build(CloudAgentInstance.NewBus(), dataPath, new Uri("http://127.0.0.1:9"), settings);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return [.. ex.Failures];
    }

    [Fact]
    public async Task MissingAgentKeyAndId_StopStartWithTheKeysNamed()
    {
        var failures = await StartFailuresAsync(new() { ["Cloud:AgentKey"] = null, ["Cloud:AgentId"] = null });

        Assert.Contains(failures, f => f.StartsWith("Cloud:AgentKey is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cloud:AgentId is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://gateway.example.com", "Cloud:BaseUrl must use https")]
    [InlineData("ftp://127.0.0.1", "Cloud:BaseUrl must use https")]
    [InlineData("/relative", "Cloud:BaseUrl is required")]
    public async Task BaseUrl_MustBeHttpsUnlessLoopback(string url, string expected)
    {
        var failures = await StartFailuresAsync(new() { ["Cloud:BaseUrl"] = url });

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShortAgentKey_IsRefusedWithoutEchoingIt()
    {
        var failures = await StartFailuresAsync(new() { ["Cloud:AgentKey"] = "s3cr3t-value" });

        Assert.Contains(failures, f => f.StartsWith("Cloud:AgentKey is too short", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingServiceBus_IsNamed()
    {
        var failures = await StartFailuresAsync(new() { ["ServiceBus:FullyQualifiedNamespace"] = null });

        Assert.Contains(failures, f => f.Contains("ServiceBus:ConnectionString or ServiceBus:FullyQualifiedNamespace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LockLongerThanServiceBusAllows_IsNamed()
    {
        var failures = await StartFailuresAsync(new() { ["Outbound:LockDuration"] = "00:10:00" });

        Assert.Contains(failures, f => f.StartsWith("Outbound:LockDuration is invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendLongerThanTheLockRenewal_IsNamed()
    {
        var failures = await StartFailuresAsync(new() { ["ServiceBus:MaxLockRenewal"] = "00:02:00", ["Outbound:SendTimeout"] = "00:03:00" });

        Assert.Contains(failures, f => f.StartsWith("Outbound:SendTimeout is invalid", StringComparison.Ordinal) && f.Contains("ServiceBus:MaxLockRenewal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendLongerThanTheLock_IsAcceptedWhileTheLockIsRenewed()
    {
        // The too-long lock makes start-up fail, so the failures show that the long send alone is not one.
        var failures = await StartFailuresAsync(new() { ["Outbound:LockDuration"] = "00:10:00", ["Outbound:SendTimeout"] = "00:07:00" });

        Assert.Contains(failures, f => f.StartsWith("Outbound:LockDuration is invalid", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.StartsWith("Outbound:SendTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendLongerThanTheLock_WithRenewalOff_IsNamed()
    {
        var failures = await StartFailuresAsync(new() { ["ServiceBus:MaxLockRenewal"] = "00:00:00", ["Outbound:LockDuration"] = "00:01:00", ["Outbound:SendTimeout"] = "00:03:00" });

        Assert.Contains(failures, f => f.StartsWith("Outbound:SendTimeout is invalid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:01:00")]
    [InlineData("-00:00:01")]
    public async Task EventLingerOutOfRange_IsNamed(string linger)
    {
        var failures = await StartFailuresAsync(new() { ["Cloud:EventLinger"] = linger });

        Assert.Contains(failures, f => f.StartsWith("Cloud:EventLinger is invalid", StringComparison.Ordinal));
    }
}

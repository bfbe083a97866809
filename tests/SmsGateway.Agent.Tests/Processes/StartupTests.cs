using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

public sealed class StartupTests
{
    [Theory]
    [InlineData("--Sms:MaxSegments=0", "Sms:MaxSegments")]
    [InlineData("--Sms:DefaultRegion=Germany", "Sms:DefaultRegion")]
    [InlineData("--Storage:QueueCapacity=-1", "Storage:QueueCapacity")]
    [InlineData("--Outbound:MaxAttempts=abc", "Outbound:MaxAttempts")]
    [InlineData("--Gateway:Mode=banana", "Gateway:Mode")]
    [InlineData("--Outbound:AfterCrash=banana", "Outbound:AfterCrash")]
    [InlineData("--Outbound:AfterCrash=7", "Outbound:AfterCrash")]
    public async Task Start_WithABadSetting_StopsWithOneLineNamingIt(string setting, string key)
    {
        var data = Directory.CreateTempSubdirectory("smsgw-cfg-").FullName;
        await using var agent = AgentProcess.Start([setting, $"--Storage:Path={data}"]);

        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        var errors = agent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("Configuration error", StringComparison.Ordinal))
            .ToList();
        var line = Assert.Single(errors);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.Output, StringComparison.Ordinal);
    }
}

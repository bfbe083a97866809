using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Functions.Agents;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Agents;

[Collection(AzuriteCollection.Name)]
public sealed class WatchdogFunctionTests(AzuriteFixture azurite) : CloudAgentsTest(azurite)
{
    [Fact]
    public async Task Watchdog_SendingLongerThanTheLock_IsReportedWithIdsOnly()
    {
        var stuck = await Agents.NewMessageAsync();
        var fresh = await Agents.NewMessageAsync();
        await MarkSendingAsync(stuck);
        Host.Time.Advance(TimeSpan.FromMinutes(6));
        await MarkSendingAsync(fresh);

        await RunAsync();

        var warnings = Warnings();
        Assert.Contains(warnings, w => w.Contains(stuck, StringComparison.Ordinal) && w.Contains("stuck in sending", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains(fresh, StringComparison.Ordinal));
        Assert.DoesNotContain(Host.Logs.Entries, e => e.Message.Contains("4915112345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watchdog_SilentAgent_IsReported()
    {
        await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-a", CloudHost.AgentA, Host.Time.GetUtcNow()));
        Host.Time.Advance(TimeSpan.FromMinutes(3));
        await Agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-b", CloudHost.AgentB, Host.Time.GetUtcNow()));
        Host.Time.Advance(TimeSpan.FromMinutes(3));

        await RunAsync();

        var warnings = Warnings();
        Assert.Contains(warnings, w => w.Contains($"Agent {CloudHost.AgentA} is silent", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains($"Agent {CloudHost.AgentB} is silent", StringComparison.Ordinal));
    }

    private Task MarkSendingAsync(string id) =>
        Host.Get<MessageUpdater>().UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sending) with { Attempts = 1 }, CancellationToken.None);

    private Task RunAsync() => Host.Function<WatchdogFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

    private List<string> Warnings() => Host.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
}

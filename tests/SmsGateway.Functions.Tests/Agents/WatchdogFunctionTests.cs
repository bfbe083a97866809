using Microsoft.Extensions.Logging;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Storage;
using SmsGateway.Functions.Agents;
using SmsGateway.Functions.Tests.Support;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Agents;

[Collection(AzuriteCollection.Name)]
public sealed class WatchdogFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CloudHost _host = null!;
    private AgentEventsClient _agents = null!;

    public async Task InitializeAsync()
    {
        _host = await CloudHost.StartAsync(azurite);
        _agents = new AgentEventsClient(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Watchdog_SendingLongerThanTheLock_IsReportedWithIdsOnly()
    {
        var stuck = await _agents.NewMessageAsync();
        var fresh = await _agents.NewMessageAsync();
        await MarkSendingAsync(stuck);
        _host.Time.Advance(TimeSpan.FromMinutes(6));
        await MarkSendingAsync(fresh);

        await RunAsync();

        var warnings = Warnings();
        Assert.Contains(warnings, w => w.Contains(stuck, StringComparison.Ordinal) && w.Contains("stuck in sending", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains(fresh, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains("4915112345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watchdog_SilentAgent_IsReported()
    {
        await _agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-a", CloudHost.AgentA, _host.Time.GetUtcNow()));
        _host.Time.Advance(TimeSpan.FromMinutes(3));
        await _agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-b", CloudHost.AgentB, _host.Time.GetUtcNow()));
        _host.Time.Advance(TimeSpan.FromMinutes(3));

        await RunAsync();

        var warnings = Warnings();
        Assert.Contains(warnings, w => w.Contains($"Agent {CloudHost.AgentA} is silent", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains($"Agent {CloudHost.AgentB} is silent", StringComparison.Ordinal));
    }

    private Task MarkSendingAsync(string id) =>
        _host.Get<MessageUpdater>().UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sending) with { Attempts = 1 }, CancellationToken.None);

    private Task RunAsync() => _host.Function<WatchdogFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

    private List<string> Warnings() => _host.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
}

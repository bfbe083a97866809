using Microsoft.Azure.Functions.Worker;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Core.Agents;
using SmsGateway.Core.Chat;
using SmsGateway.Functions.Maintenance;
using SmsGateway.Functions.Tests.Support;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Maintenance;

[Collection(AzuriteCollection.Name)]
public sealed class HousekeepingFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_ForgetsAppliedEventIdsAndProcessedUpdatesOlderThanTheRetention_KeepsNewerAndPendingOnes()
    {
        await using var host = await CloudHost.StartAsync(azurite);
        var client = new AgentEventsClient(host);
        var inbox = host.Get<IChatInbox>();
        await client.PostAsync(CloudHost.KeyA, Heartbeat("old", CloudHost.AgentA, host.Time.GetUtcNow()));
        await inbox.AddAsync(new ChatUpdate(1, "{}", host.Time.GetUtcNow()), CancellationToken.None);
        await inbox.AddAsync(new ChatUpdate(2, "{}", host.Time.GetUtcNow()), CancellationToken.None);
        await inbox.MarkProcessedAsync(1, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(8));
        await client.PostAsync(CloudHost.KeyA, Heartbeat("new", CloudHost.AgentA, host.Time.GetUtcNow()));

        await host.Function<HousekeepingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        var ledger = host.Get<IEventLedger>();
        Assert.False(await ledger.HasAppliedAsync(CloudHost.AgentA, "old", CancellationToken.None));
        Assert.True(await ledger.HasAppliedAsync(CloudHost.AgentA, "new", CancellationToken.None));
        Assert.True(await inbox.AddAsync(new ChatUpdate(1, "{}", host.Time.GetUtcNow()), CancellationToken.None));
        Assert.False(await inbox.AddAsync(new ChatUpdate(2, "{}", host.Time.GetUtcNow()), CancellationToken.None));
    }
}

using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Functions.Maintenance;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;
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
        // Inbound SMS: the kind of event that still takes a ledger row.
        await client.PostAsync(CloudHost.KeyA, Inbound("old", "0195a0b1c2d37e4f8a9b0c1d2e3f4a51"));
        await inbox.AddAsync(new ChatUpdate(1, "{}", host.Time.GetUtcNow()), CancellationToken.None);
        await inbox.AddAsync(new ChatUpdate(2, "{}", host.Time.GetUtcNow()), CancellationToken.None);
        await inbox.MarkProcessedAsync(1, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(8));
        await client.PostAsync(CloudHost.KeyA, Inbound("new", "0195a0b1c2d37e4f8a9b0c1d2e3f4a52"));

        await host.Function<HousekeepingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        var ledger = host.Get<IEventLedger>();
        Assert.False(await ledger.HasAppliedAsync(CloudHost.AgentA, "old", CancellationToken.None));
        Assert.True(await ledger.HasAppliedAsync(CloudHost.AgentA, "new", CancellationToken.None));
        Assert.True(await inbox.AddAsync(new ChatUpdate(1, "{}", host.Time.GetUtcNow()), CancellationToken.None));
        Assert.False(await inbox.AddAsync(new ChatUpdate(2, "{}", host.Time.GetUtcNow()), CancellationToken.None));
    }
}

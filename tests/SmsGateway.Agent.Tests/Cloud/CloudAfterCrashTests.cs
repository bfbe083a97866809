using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Core.Queue;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// <c>Outbound:AfterCrash=unknown</c> in cloud mode: Service Bus hands the envelope back after the agent
/// stopped mid-send (its lock ran out), and the agent's own record says it was <c>sending</c>.
/// </summary>
public sealed class CloudAfterCrashTests : IAsyncLifetime
{
    private readonly InMemoryServiceBus _bus = new InMemoryServiceBus(TimeProvider.System)
        .AddSubscription(CloudAgentInstance.Subscription, lockDuration: TimeSpan.FromSeconds(2), maxDeliveryCount: 5);

    // Generous: the modem starts twice and the machine is shared.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private FakeCloudEndpoint _cloud = null!;

    public async Task InitializeAsync() => _cloud = await FakeCloudEndpoint.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Redelivery_OfAnEnvelopeLeftSending_IsUnknownAndDeadLettered_AndAReplayIsSentOnce()
    {
        var sms = CloudAgentInstance.Sms("cloud ambiguous window");
        string dataPath;
        await using (var first = await CloudAgentInstance.StartAsync(_bus, _cloud.BaseUrl, Settings(sendDelayMs: 60_000)))
        {
            dataPath = first.DataPath;
            await first.WaitForHealthyAsync();
            await CloudAgentInstance.PublishAsync(_bus, sms);
            await WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("sending"), "the sending event", Patience);
        }


        // The stop left the Service Bus lock to run out, as a kill would.
        await using var second = await CloudAgentInstance.StartAsync(_bus, _cloud.BaseUrl, Settings(sendDelayMs: 20), dataPath);
        await WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("unknown"), "the unknown event", Patience);

        var queue = new ServiceBusOutboundQueue(_bus, new ServiceBusQueueOptions { FullyQualifiedNamespace = "test", Subscription = CloudAgentInstance.Subscription }, TimeProvider.System, NullLogger<ServiceBusOutboundQueue>.Instance);
        DeadLetter? letter = null;
        await WaitUntilAsync(() => (letter = queue.ListDeadLettersAsync(10, CancellationToken.None).Result.SingleOrDefault()) is not null, "the dead letter");
        Assert.Equal((sms.ItemId, DeadLetterReasons.UnknownOutcomeAfterCrash), (letter!.ItemId, letter.Reason));
        Assert.Empty(AirLog.Read(second.AirLogPath));

        Assert.True(await queue.ReplayDeadLetterAsync(sms.ItemId, CancellationToken.None));

        await WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("sent"), "the sent event after the replay", Patience);
        var air = Assert.Single(AirLog.Read(second.AirLogPath));
        Assert.Equal("cloud ambiguous window", air.Text);
        Assert.Equal(["sending", "unknown", "queued", "sending", "sent"], Statuses(_cloud.Applied, sms.MessageId).Where(s => s != "delivered"));
    }

    private static Dictionary<string, string?> Settings(int sendDelayMs) => new()
    {
        ["Outbound:AfterCrash"] = "unknown",
        ["Modem:Simulator:SendDelayMs"] = sendDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Modem:Simulator:DeliveryReports"] = "None",
    };
}

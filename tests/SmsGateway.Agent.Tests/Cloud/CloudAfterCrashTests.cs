using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Text;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;
using SmsGateway.Testing.ServiceBus;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// <c>Outbound:AfterCrash=unknown</c> in cloud mode: Service Bus hands the envelope back after the agent
/// died mid-send (its lock ran out), and the agent's own record says it was <c>sending</c>.
/// </summary>
public sealed class CloudAfterCrashTests() : CloudAgentTest(new InMemoryServiceBus(TimeProvider.System)
    .AddSubscription(CloudAgentInstance.Subscription, lockDuration: TimeSpan.FromSeconds(2), maxDeliveryCount: 5))
{
    // Generous: the modem starts and the machine is shared.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Redelivery_OfAnEnvelopeLeftSending_IsUnknownAndDeadLettered_AndAReplayIsSentOnce()
    {
        var sms = CloudAgentInstance.Sms("cloud ambiguous window");
        var dataPath = Directory.CreateTempSubdirectory("smsgw-cloud-crash-").FullName;
        await LeaveSendingAsync(sms, dataPath);

        await using var agent = await StartAgentAsync(Settings(), dataPath);
        await Eventually.WaitUntilAsync(() => Statuses(Cloud.Applied, sms.MessageId).Contains("unknown"), "the unknown event", Patience);

        var queue = Queue();
        DeadLetter? letter = null;
        await Eventually.WaitUntilAsync(() => (letter = queue.ListDeadLettersAsync(10, CancellationToken.None).Result.SingleOrDefault()) is not null, "the dead letter");
        Assert.Equal((sms.ItemId, DeadLetterReasons.UnknownOutcomeAfterCrash), (letter!.ItemId, letter.Reason));
        Assert.Empty(AirLog.Read(agent.AirLogPath));

        Assert.True(await queue.ReplayDeadLetterAsync(sms.ItemId, CancellationToken.None));

        await Eventually.WaitUntilAsync(() => Statuses(Cloud.Applied, sms.MessageId).Contains("sent"), "the sent event after the replay", Patience);
        var air = Assert.Single(AirLog.Read(agent.AirLogPath));
        Assert.Equal("cloud ambiguous window", air.Text);
        Assert.Equal(["unknown", "queued", "sent"], Statuses(Cloud.Applied, sms.MessageId));
    }

    // What an agent killed mid-send leaves: its own record says "sending", and Service Bus holds the
    // envelope under a lock nobody will settle, so it is delivered again (delivery count 2) when the lock runs out.
    private async Task LeaveSendingAsync(QueueItem sms, string dataPath)
    {
        var now = DateTimeOffset.UtcNow;
        var record = new Message
        {
            Id = sms.MessageId,
            Text = sms.Text,
            Encoding = SmsEncoding.Gsm7,
            Segments = 1,
            Destinations = [Destination.Sms(sms.To) with { Status = DestinationStatus.Sending, Attempts = 1 }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        using (var db = new SqliteDatabase(new EmbeddedStorageOptions { Path = dataPath }))
        {
            await new SqliteMessageStore(db, TimeProvider.System).CreateAsync(record, null, CancellationToken.None);
        }

        await CloudAgentInstance.PublishAsync(Bus, sms);
        Assert.NotNull(await Queue().ReceiveAsync(TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None));
    }

    // No lock renewal: the receive in LeaveSendingAsync plays an agent that died, whose lock nobody renews.
    private ServiceBusOutboundQueue Queue() =>
        new(Bus, new ServiceBusQueueOptions { FullyQualifiedNamespace = "test", Subscription = CloudAgentInstance.Subscription, MaxLockRenewal = TimeSpan.Zero }, TimeProvider.System, NullLogger<ServiceBusOutboundQueue>.Instance);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Outbound:AfterCrash"] = "unknown",
        ["Modem:Simulator:DeliveryReports"] = "None",
    };
}

using Microsoft.Data.Sqlite;
using SmsGateway.Agent.Cloud;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Outbox;
using SmsGateway.Testing;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

public sealed class CloudOutageTests : CloudAgentTest
{
    [Fact]
    public async Task CloudDown_AgentKeepsSending_OutboxHolds_ThenDrainsEverythingOnceInOrder()
    {
        Cloud.Unavailable = true;
        var batch = Enumerable.Range(1, 3).Select(i => CloudAgentInstance.Sms($"Outage message {i}", $"+49151123456{i:00}")).ToArray();
        await using var agent = await StartAgentAsync();
        await agent.WaitForHealthyAsync();
        await CloudAgentInstance.PublishAsync(Bus, batch);
        var outbox = agent.Services.GetRequiredService<IOutbox>();

        // 503s: the SMS still leave the modem, and their events wait in the outbox.
        await Eventually.WaitUntilAsync(() => AirLog.Read(agent.AirLogPath).Count == 3 && Cloud.Refused >= 2, "three SMS on air while the cloud answers 503");
        await Eventually.WaitUntilAsync(() => PendingMessageChannels(outbox) == 3, "the events of all three messages in the outbox");
        Assert.Empty(Cloud.Accepted);
        Assert.Equal(0, Cloud.Invalid);

        // Then the cloud refuses connections for a while; the agent keeps trying, with backoff.
        await Cloud.StopAsync();
        var attemptsBefore = MaxOutboxAttempts(agent.DataPath);
        await Eventually.WaitUntilAsync(() => MaxOutboxAttempts(agent.DataPath) >= attemptsBefore + 2, "two more failed tries against a closed port");

        Cloud.Unavailable = false;
        await Cloud.RestartAsync();
        await Eventually.WaitUntilAsync(
            () => batch.All(sms => Statuses(Cloud.Applied, sms.MessageId).Contains("delivered")) && PendingMessageChannels(outbox) == 0,
            "every event to reach the cloud");

        foreach (var sms in batch)
        {
            // Each "sending" was replaced by its "sent" while it lingered, before the outage touched it.
            Assert.Equal(["sent", "delivered"], Statuses(Cloud.Applied, sms.MessageId));
        }

        // Nothing the cloud acknowledged was sent again, and no SMS left the modem twice.
        var accepted = Cloud.Accepted.Select(EventId).ToList();
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        Assert.Equal(3, AirLog.Read(agent.AirLogPath).Count);
    }

    private static int PendingMessageChannels(IOutbox outbox) =>
        outbox.ListPendingChannelsAsync(AgentEventOutbox.ChannelPrefix + "message:", 100, CancellationToken.None).Result.Count;

    // The outbox port has no read side for attempts; the test looks into the agent's database instead.
    private static long MaxOutboxAttempts(string dataPath)
    {
        var file = Directory.GetFiles(dataPath, "*.db").First();
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(attempts), 0) FROM outbox WHERE channel LIKE 'agent-events:%'";
        return (long)command.ExecuteScalar()!;
    }
}

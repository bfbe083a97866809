using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Agents;

[Collection(AzuriteCollection.Name)]
public sealed class AgentEventsFunctionTests(AzuriteFixture azurite) : CloudAgentsTest(azurite)
{
    private const string InboundId = "0195a0b1c2d37e4f8a9b0c1d2e3f4a5b";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData(CloudHost.KeyA + " ")]
    public async Task Post_MissingOrWrongKey_Returns401_AndAppliesNothing(string? key)
    {
        var id = await Agents.NewMessageAsync();

        var response = await Agents.PostAsync(key, Status("e1", id, "sending"));

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(DestinationStatus.Queued, await DestinationStatusAsync(id));
    }

    [Fact]
    public async Task Post_KeyFromKeyVaultSetting_AuthenticatesItsAgent()
    {
        var response = await Agents.PostAsync(CloudHost.KeyB, Heartbeat("hb-1", CloudHost.AgentB, Host.Time.GetUtcNow()));

        Assert.Equal(200, response.Status);
        Assert.Equal("applied", response.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Post_StatusEvents_AreAppliedWithTheirFacts()
    {
        var id = await Agents.NewMessageAsync();

        var response = await Agents.PostAsync(
            CloudHost.KeyA,
            Status("e1", id, "sending"),
            Status("e2", id, "sent", extra: ", \"partReferences\": [17], \"sentAt\": \"2026-03-01T12:00:05Z\""));

        Assert.Equal(200, response.Status);
        Assert.All(response.Json.GetProperty("results").EnumerateArray(), r => Assert.Equal("applied", r.GetProperty("outcome").GetString()));
        var destination = (await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None))!.Message.Destinations[0];
        Assert.Equal(DestinationStatus.Sent, destination.Status);
        Assert.Equal([17], destination.PartReferences);
        Assert.Equal(1, destination.Attempts);
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T12:00:05Z", System.Globalization.CultureInfo.InvariantCulture), destination.SentAt);
    }

    [Fact]
    public async Task Post_SameStatusBatchTwice_LeavesTheStateUnchanged_AndWritesNoLedgerRows()
    {
        var id = await Agents.NewMessageAsync();
        string[] batch = [Status("e1", id, "sending"), Status("e2", id, "queued", extra: ", \"error\": \"network busy\"")];

        var first = await Agents.PostAsync(CloudHost.KeyA, batch);
        await Agents.PostAsync(CloudHost.KeyA, Status("e3", id, "sending", attempts: 2));
        var replay = await Agents.PostAsync(CloudHost.KeyA, batch);

        Assert.Equal(["applied", "applied"], Outcomes(first));
        Assert.Equal(200, replay.Status);
        Assert.Equal(["skipped", "skipped"], Outcomes(replay));

        // Re-applied blindly, the old "queued" would have moved the destination back from its second attempt.
        var destination = (await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None))!.Message.Destinations[0];
        Assert.Equal(DestinationStatus.Sending, destination.Status);
        Assert.Equal(2, destination.Attempts);
        Assert.Equal("network busy", destination.Error);
        foreach (var eventId in new[] { "e1", "e2", "e3" })
        {
            Assert.False(await Host.Get<IEventLedger>().HasAppliedAsync(CloudHost.AgentA, eventId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Post_SameDeliveredBatchTwice_StaysDelivered_AndWritesNoLedgerRows()
    {
        var id = await Agents.NewMessageAsync();
        string[] batch = [Status("e1", id, "sending"), Status("e2", id, "sent"), Status("e3", id, "delivered", extra: ", \"deliveredAt\": \"2026-03-01T12:00:09Z\"")];

        await Agents.PostAsync(CloudHost.KeyA, batch);
        var before = await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None);
        var replay = await Agents.PostAsync(CloudHost.KeyA, batch);

        Assert.Equal(["skipped", "skipped", "skipped"], Outcomes(replay));
        var after = await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal(DestinationStatus.Delivered, after.Message.Destinations[0].Status);
        Assert.False(await Host.Get<IEventLedger>().HasAppliedAsync(CloudHost.AgentA, "e3", CancellationToken.None));
    }

    [Fact]
    public async Task Post_FailedAgainAfterAnOperatorReplay_IsADuplicate_AndTheReplayStands()
    {
        var id = await Agents.NewMessageAsync();
        string[] batch = [Status("e1", id, "sending"), Status("e2", id, "failed", extra: ", \"error\": \"rejected by the network\"")];
        await Agents.PostAsync(CloudHost.KeyA, batch);

        // What DeadLetterService.ReplayAsync writes when an operator replays the dead letter in the cloud.
        await Host.Get<MessageUpdater>().UpdateDestinationAsync(
            id, 0, d => d.MoveTo(DestinationStatus.Queued) with { AttemptsBeforeReplay = d.Attempts }, CancellationToken.None);
        var late = await Agents.PostAsync(CloudHost.KeyA, batch);
        var next = await Agents.PostAsync(CloudHost.KeyA, Status("e3", id, "sending", attempts: 2));

        // The repeated "sending" walks the replayed destination forward (harmless: the next attempt's events follow);
        // the repeated "failed" must not, or the next attempt's "sending" would be an illegal move from "failed".
        Assert.Equal("duplicate", Outcomes(late)[1]);
        Assert.Equal(["applied"], Outcomes(next));
        var destination = (await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None))!.Message.Destinations[0];
        Assert.Equal(DestinationStatus.Sending, destination.Status);
        Assert.Equal(2, destination.Attempts);
    }

    [Fact]
    public async Task Post_Heartbeat_IsAppliedWithoutALedgerRow()
    {
        var response = await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-1", CloudHost.AgentA, Host.Time.GetUtcNow()));

        Assert.Equal(["applied"], Outcomes(response));
        Assert.Contains(await Host.Get<IAgentRegistry>().ListAsync(CancellationToken.None), a => a.AgentId == CloudHost.AgentA);
        Assert.False(await Host.Get<IEventLedger>().HasAppliedAsync(CloudHost.AgentA, "hb-1", CancellationToken.None));
    }

    [Fact]
    public async Task Post_LateSentAfterDelivered_LeavesDelivered()
    {
        var id = await Agents.NewMessageAsync();
        await Agents.PostAsync(CloudHost.KeyA, Status("e1", id, "sending"), Status("e3", id, "delivered", extra: ", \"deliveredAt\": \"2026-03-01T12:00:09Z\""));

        var late = await Agents.PostAsync(CloudHost.KeyA, Status("e2", id, "sent"));

        Assert.Equal(200, late.Status);
        Assert.Equal("skipped", late.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal(DestinationStatus.Delivered, await DestinationStatusAsync(id));
    }

    [Fact]
    public async Task Post_DeliveredBeforeSent_WalksTheLegalMovesForward()
    {
        var id = await Agents.NewMessageAsync();

        var response = await Agents.PostAsync(CloudHost.KeyA, Status("e3", id, "delivered"));

        Assert.Equal(["applied"], Outcomes(response));
        Assert.Equal(DestinationStatus.Delivered, await DestinationStatusAsync(id));
    }

    [Fact]
    public async Task Post_IllegalMoveAmongValidEvents_IsSkipped_AndTheRestApplied()
    {
        var id = await Agents.NewMessageAsync();

        var response = await Agents.PostAsync(
            CloudHost.KeyA,
            Status("e1", id, "sending"),
            Status("e2", id, "sent"),
            Status("e3", id, "failed"),
            Status("e4", "0123456789abcdef0123456789abcdef", "sent"));

        Assert.Equal(["applied", "applied", "skipped", "skipped"], Outcomes(response));
        Assert.Equal(DestinationStatus.Sent, await DestinationStatusAsync(id));
    }

    [Theory]
    [InlineData("{\"version\": 1, \"events\": [")]
    [InlineData("{\"version\": 2, \"events\": [{\"kind\": \"heartbeat\"}]}")]
    [InlineData("{\"version\": 1, \"events\": []}")]
    [InlineData("{\"version\": 1, \"events\": [{\"kind\": \"teleport\", \"eventId\": \"x\", \"occurredAt\": \"2026-03-01T12:00:00Z\"}]}")]
    [InlineData("{\"version\": 1, \"events\": [{\"eventId\": \"x\", \"occurredAt\": \"2026-03-01T12:00:00Z\"}]}")]
    public async Task Post_MalformedBatch_Returns400(string body)
    {
        var response = await Agents.PostRawAsync(CloudHost.KeyA, body);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Theory]
    [InlineData("\"status\": \"sent\"", "\"status\": \"teleported\"", "body")]
    [InlineData("\"status\": \"sent\"", "\"status\": 2", "body")]
    [InlineData("\"eventId\": \"e2\"", "\"eventId\": \"e/2\"", "events[1].eventId")]
    [InlineData("\"destinationIndex\": 0", "\"destinationIndex\": -1", "events[1].destinationIndex")]
    public async Task Post_BatchWithOneBadEvent_Returns400_AndAppliesNone(string good, string bad, string field)
    {
        var id = await Agents.NewMessageAsync();
        var body = $"{{\"version\": 1, \"events\": [{Status("e1", id, "sending")}, {Status("e2", id, "sent").Replace(good, bad, StringComparison.Ordinal)}]}}";

        var response = await Agents.PostRawAsync(CloudHost.KeyA, body);

        Assert.Equal(400, response.Status);
        Assert.Contains(field, response.ErrorFields);
        Assert.Equal(DestinationStatus.Queued, await DestinationStatusAsync(id));
        Assert.False(await Host.Get<IEventLedger>().HasAppliedAsync(CloudHost.AgentA, "e1", CancellationToken.None));
    }

    [Fact]
    public async Task Post_HeartbeatNamingAnotherAgent_Returns400()
    {
        var response = await Agents.PostAsync(CloudHost.KeyA, Heartbeat("hb-1", CloudHost.AgentB, Host.Time.GetUtcNow()));

        Assert.Equal(400, response.Status);
        Assert.Contains("events[0].agentId", response.ErrorFields);
    }

    [Fact]
    public async Task Post_InboundSms_IsStoredOnce()
    {
        var first = await Agents.PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));
        var again = await Agents.PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));

        Assert.Equal(["applied"], Outcomes(first));
        Assert.Equal(["duplicate"], Outcomes(again));
        var stored = await Host.Get<IInboundStore>().GetMessageAsync(InboundId, CancellationToken.None);
        Assert.Equal("Reply from the field", stored!.Text);
        Assert.Equal("+4915199999999", stored.Sender);
    }

    [Fact]
    public async Task Post_Events_NeverLogPhoneNumbersOrTexts()
    {
        await Agents.PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId), Status("e1", "0123456789abcdef0123456789abcdef", "sent"));

        Assert.DoesNotContain(Host.Logs.Entries, e => e.Message.Contains("4915199999999", StringComparison.Ordinal)
            || e.Message.Contains("Reply from the field", StringComparison.Ordinal)
            || e.Message.Contains(CloudHost.KeyA, StringComparison.Ordinal));
    }

    private static List<string?> Outcomes(TestResponse response) =>
        response.Json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();

    private async Task<DestinationStatus> DestinationStatusAsync(string id) =>
        (await Host.Get<IMessageStore>().GetAsync(id, CancellationToken.None))!.Message.Destinations[0].Status;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Text;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

/// <summary>
/// A destination left <c>sending</c> by a stop that cut a send off (the ambiguous window; <c>Outbound:StopGrace=0</c>)
/// follows <c>Outbound:AfterCrash</c> after the restart.
/// </summary>
public sealed class AfterCrashPolicyTests
{
    [Fact]
    public async Task Unknown_DestinationLeftSending_IsMarkedUnknownListedAndNotSent_UntilReplayedOnce()
    {
        var (id, dataPath) = await LeaveOneSendingAsync();
        var modem = new ScriptedModem();
        await using var gateway = await GatewayInstance.StartAsync(modem, Settings("unknown"), dataPath);

        var message = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "unknown");
        var destination = message.GetProperty("destinations")[0];
        Assert.Equal("unknown", destination.GetProperty("status").GetString());
        Assert.Contains("unknown", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(modem.Sent);

        var letter = Assert.Single(await gateway.WaitForDeadLettersAsync(1));
        Assert.Equal(DeadLetterReasons.UnknownOutcomeAfterCrash, letter.GetProperty("reason").GetString());
        Assert.Equal(id, letter.GetProperty("messageId").GetString());
        Assert.Equal(1, (await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("queue").GetProperty("deadLettered").GetInt64());

        var replay = await gateway.Client.PostAsync($"/api/deadletters/{letter.GetProperty("itemId").GetString()}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var sent = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        Assert.Equal(2, sent.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());
        Assert.Single(modem.Sent);
    }

    [Fact]
    public async Task Resend_DestinationLeftSending_IsSentAgainOnce()
    {
        var (id, dataPath) = await LeaveOneSendingAsync();
        var modem = new ScriptedModem();
        await using var gateway = await GatewayInstance.StartAsync(modem, Settings("resend"), dataPath);

        await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");

        Assert.Single(modem.Sent);
        Assert.Empty((await gateway.Client.GetFromJsonAsync<JsonElement>("/api/deadletters")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_QueuedDestinations_AreSentNormally()
    {
        var modem = new ScriptedModem();
        await using var gateway = await GatewayInstance.StartAsync(modem, Settings("unknown"));

        var id = await gateway.SendTextAsync("no crash here");

        await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        Assert.Single(modem.Sent);
    }

    [Theory]
    [InlineData("unknown", "unknown", 0)]
    [InlineData("resend", "sent", 1)]
    public async Task ModemTookThePduAndNeverAnswered_FollowsThePolicy(string policy, string expected, int transmissions)
    {
        var modem = new ScriptedModem();
        modem.FailNext(new SmsSendException(SendFailureKind.UnknownOutcome, "no answer after the PDU"));
        await using var gateway = await GatewayInstance.StartAsync(modem, Settings(policy));

        var id = await gateway.SendTextAsync("maybe on the air");

        var message = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == expected);
        Assert.Equal(transmissions, modem.Sent.Count);
        if (policy == "unknown")
        {
            var letter = Assert.Single(await gateway.WaitForDeadLettersAsync(1));
            Assert.Equal(DeadLetterReasons.UnknownOutcome, letter.GetProperty("reason").GetString());
            Assert.Contains("may have left", message.GetProperty("destinations")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("failed", "PermanentError after 1 attempt(s): rejected (error 21)", null, DeadLetterReasons.PermanentError)]
    [InlineData("unknown", "UnknownOutcome after 1 attempt(s): no answer after the PDU; the SMS may have left the modem", "unknown", DeadLetterReasons.UnknownOutcome)]
    public async Task SettledDestinationStillInTheQueue_IsDeadLetteredWithTheReasonItRecorded_NotCompletedOrSent(
        string status, string error, string? policy, string reason)
    {
        // What a stop between the durable "failed" or "unknown" and the dead letter leaves behind.
        var dataPath = Directory.CreateTempSubdirectory("smsgw-settled-").FullName;
        var now = DateTimeOffset.UtcNow;
        var message = new Message
        {
            Id = Message.NewId(now),
            Text = $"{status} before the stop",
            Encoding = SmsEncoding.Gsm7,
            Segments = 1,
            Destinations = [Destination.Sms("+4915112345678") with { Status = Enum.Parse<DestinationStatus>(status, ignoreCase: true), Attempts = 1, Error = error }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        using (var db = new SqliteDatabase(new EmbeddedStorageOptions { Path = dataPath }))
        {
            await new SqliteMessageStore(db, TimeProvider.System).CreateAsync(message, null, CancellationToken.None);
            await new SqliteOutboundQueue(db, new EmbeddedStorageOptions { Path = dataPath }, TimeProvider.System)
                .PublishAsync([new QueueItem { MessageId = message.Id, DestinationIndex = 0, To = "+4915112345678", Text = message.Text }], null, CancellationToken.None);
        }

        var modem = new ScriptedModem();
        await using var gateway = await GatewayInstance.StartAsync(modem, policy is null ? null : Settings(policy), dataPath);

        var letter = Assert.Single(await gateway.WaitForDeadLettersAsync(1));
        Assert.Equal((message.Id, reason), (letter.GetProperty("messageId").GetString(), letter.GetProperty("reason").GetString()));
        Assert.Equal(status, (await gateway.GetMessageAsync(message.Id)).GetProperty("status").GetString());
        Assert.Empty(modem.Sent);
    }

    // The modem never answers, so the worker is inside the send when the gateway stops.
    private static async Task<(string Id, string DataPath)> LeaveOneSendingAsync()
    {
        var stalled = new ScriptedModem { Gate = new TaskCompletionSource() };
        await using var first = await GatewayInstance.StartAsync(stalled, new Dictionary<string, string?> { ["Outbound:StopGrace"] = "00:00:00" });
        var id = await first.SendTextAsync("in the ambiguous window");
        await first.WaitForAsync(id, m => m.GetProperty("destinations")[0].GetProperty("status").GetString() == "sending");
        return (id, first.DataPath);
    }

    private static Dictionary<string, string?> Settings(string policy) => new() { ["Outbound:AfterCrash"] = policy };
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Queue;

namespace SmsGateway.Agent.Tests.Outbound;

/// <summary>
/// A destination left <c>sending</c> by a stop in the middle of a send (the ambiguous window) follows
/// <c>Outbound:AfterCrash</c> after the restart.
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

        var letter = Assert.Single((await gateway.Client.GetFromJsonAsync<JsonElement>("/api/deadletters")).GetProperty("items").EnumerateArray());
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

    // The modem never answers, so the worker is inside the send when the gateway stops.
    private static async Task<(string Id, string DataPath)> LeaveOneSendingAsync()
    {
        var stalled = new ScriptedModem { Gate = new TaskCompletionSource() };
        await using var first = await GatewayInstance.StartAsync(stalled);
        var id = await first.SendTextAsync("in the ambiguous window");
        await first.WaitForAsync(id, m => m.GetProperty("destinations")[0].GetProperty("status").GetString() == "sending");
        return (id, first.DataPath);
    }

    private static Dictionary<string, string?> Settings(string policy) => new() { ["Outbound:AfterCrash"] = policy };
}

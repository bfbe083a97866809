using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

/// <summary>The worker prepares the next item while a send is on the air, and gives it back if it cannot send it.</summary>
public sealed class WorkerPipelineTests
{
    private static readonly object TwoDestinations = new { to = new[] { "+4915112345678", "+4915112345679" }, text = "Pipelined" };

    [Fact]
    public async Task WhileOneSendIsOnTheAir_TheNextDestinationIsAlreadySending_AndBothAreSentOnce()
    {
        var modem = new ScriptedModem { Gate = new TaskCompletionSource() };
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var id = await SendAsync(gateway);
        await gateway.WaitForAsync(id, m => Statuses(m) == "sending,sending");
        Assert.Empty(modem.Sent);

        modem.Gate.SetResult();
        var sent = await gateway.WaitForAsync(id, m => Statuses(m) == "sent,sent");

        Assert.Equal(2, modem.Sent.Count);
        Assert.All(sent.GetProperty("destinations").EnumerateArray(), d => Assert.Equal(1, d.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task NextSend_WaitsUntilThePreviousSendsOutcomeIsDurable()
    {
        // A crash may then leave at most the one SMS on the air unrecorded, so at most that one is sent twice.
        var modem = new ScriptedModem();
        SentGatedMessageStore? store = null;
        await using var gateway = await GatewayInstance.StartAsync(modem, customize: builder => builder.Services.AddSingleton<IMessageStore>(sp =>
            store = new SentGatedMessageStore(new SqliteMessageStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()))));

        var id = await SendAsync(gateway);
        await store!.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The first SMS has left and its "sent" is held back: the second must not be on the air yet.
        Assert.Single(modem.Sent);
        store.Gate.SetResult();
        await gateway.WaitForAsync(id, m => Statuses(m) == "sent,sent");
        Assert.Equal(2, modem.Sent.Count);
    }

    [Fact]
    public async Task ModemLostWhileTheNextIsPrepared_TheNextGoesBackToQueued_Uncharged_AndIsSentOnReconnect()
    {
        var modem = new ScriptedModem { Gate = new TaskCompletionSource() };
        modem.FailNext(new SmsSendException(SendFailureKind.Transient, "port lost"));
        await using var gateway = await GatewayInstance.StartAsync(modem);
        var connected = modem.Status;

        var id = await SendAsync(gateway);
        await gateway.WaitForAsync(id, m => Statuses(m) == "sending,sending");
        modem.Status = connected with { Connected = false };
        modem.Gate.SetResult();

        var released = await gateway.WaitForAsync(id, m => Statuses(m) == "queued,queued");
        var destinations = released.GetProperty("destinations");
        Assert.Equal(1, destinations[0].GetProperty("attempts").GetInt32());
        Assert.Equal(0, destinations[1].GetProperty("attempts").GetInt32());
        Assert.Empty(modem.Sent);

        modem.Status = connected;
        var sent = await gateway.WaitForAsync(id, m => Statuses(m) == "sent,sent", TimeSpan.FromSeconds(30));
        Assert.Equal(2, modem.Sent.Count);
        Assert.Equal(1, sent.GetProperty("destinations")[1].GetProperty("attempts").GetInt32());
    }

    private static string Statuses(JsonElement message) =>
        string.Join(',', message.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("status").GetString()));

    private static async Task<string> SendAsync(GatewayInstance gateway)
    {
        var response = await gateway.SendAsync(TwoDestinations);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

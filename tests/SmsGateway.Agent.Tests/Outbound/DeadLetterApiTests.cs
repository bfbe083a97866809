using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

public sealed class DeadLetterApiTests
{
    [Fact]
    public async Task DeadLetters_ListShowsReasonAttemptsAndLastError_AndReplaySendsExactlyOnce()
    {
        var modem = new ScriptedModem { AlwaysFail = new SmsSendException(SendFailureKind.Transient, "network busy", 42) };
        await using var gateway = await GatewayInstance.StartAsync(modem);
        var accepted = await (await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "Replay me" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "failed");
        var letter = Assert.Single(await gateway.WaitForDeadLettersAsync(1));
        Assert.Equal(id, letter.GetProperty("messageId").GetString());
        Assert.Equal("RetryLimitExceeded", letter.GetProperty("reason").GetString());
        Assert.Equal(5, letter.GetProperty("attempts").GetInt32());
        Assert.Contains("network busy", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        modem.AlwaysFail = null;
        var replay = await gateway.Client.PostAsync($"/api/deadletters/{letter.GetProperty("itemId").GetString()}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var sent = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        Assert.Equal(6, sent.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());
        Assert.Single(modem.Sent);
        Assert.Empty((await gateway.Client.GetFromJsonAsync<JsonElement>("/api/deadletters")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Replay_UnknownId_Returns404()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem());

        var response = await gateway.Client.PostAsync("/api/deadletters/nope.0/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

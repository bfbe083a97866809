using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

public sealed class RetryAndDeadLetterTests
{
    private static readonly object Body = new { to = new[] { "+4915112345678" }, text = "Retry me" };

    [Fact]
    public async Task TransientFailures_AreRetried_ThenSent_WithAttemptsCounted()
    {
        var modem = new ScriptedModem();
        modem.FailNext(new SmsSendException(SendFailureKind.Transient, "network busy", 42), times: 2);
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var id = await SendAsync(gateway);
        var message = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");

        var destination = message.GetProperty("destinations")[0];
        Assert.Equal(3, destination.GetProperty("attempts").GetInt32());
        Assert.Contains("network busy", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(modem.Sent);
    }

    [Fact]
    public async Task AlwaysFailing_IsDeadLetteredAfterExactlyFiveAttempts_WithTheLastError()
    {
        var modem = new ScriptedModem { AlwaysFail = new SmsSendException(SendFailureKind.Transient, "no network", 30) };
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var id = await SendAsync(gateway);
        var message = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "failed");

        var destination = message.GetProperty("destinations")[0];
        Assert.Equal(5, destination.GetProperty("attempts").GetInt32());
        Assert.Contains("RetryLimitExceeded", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("no network", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        var dead = Assert.Single(await gateway.WaitForQueueDeadLettersAsync());
        Assert.Equal("RetryLimitExceeded", dead.Reason);
        Assert.Equal(5, dead.DeliveryCount);
    }

    [Fact]
    public async Task PermanentFailure_IsDeadLetteredOnTheFirstAttempt()
    {
        var modem = new ScriptedModem();
        modem.FailNext(new SmsSendException(SendFailureKind.Permanent, "short message transfer rejected", 21));
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var id = await SendAsync(gateway);
        var message = await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "failed");

        var destination = message.GetProperty("destinations")[0];
        Assert.Equal(1, destination.GetProperty("attempts").GetInt32());
        Assert.Contains("PermanentError", destination.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(modem.Sent);
    }

    [Fact]
    public async Task QueueAtCapacity_Returns503WithRetryAfter_AndStoresNothing()
    {
        var modem = new ScriptedModem { Gate = new TaskCompletionSource() };
        await using var gateway = await GatewayInstance.StartAsync(modem, new Dictionary<string, string?> { ["Storage:QueueCapacity"] = "2" });

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await gateway.SendAsync(new { to = new[] { "+4915112345678", "+14155552671" }, text = "fills" })).StatusCode);
        var refused = await gateway.SendAsync(Body);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(2, await gateway.QueueDepthAsync());
        modem.Gate.SetResult();
    }

    private static async Task<string> SendAsync(GatewayInstance gateway)
    {
        var response = await gateway.SendAsync(Body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

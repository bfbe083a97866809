using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Testing;
using SmsGateway.Testing.Webhooks;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// Events outlive <c>kill -9</c>: the receiver fails while the agent runs, the agent is killed with events pending, and
/// after the restart every committed status change reaches the receiver with the webhook-id it had before.
/// </summary>
public sealed class WebhookKillTests(ITestOutputHelper output)
{
    private const int Messages = 30;
    private const string Key = "webhook-kill-key";

    [Fact]
    public async Task Kill9_WithEventsPending_EveryEventIsDeliveredAfterRestart_WithItsWebhookId()
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-webhook-kill-").FullName;
        var receiverPort = AgentProcess.FreePort();
        await using var receiver = await WebhookReceiver.StartAsync(receiverPort);
        receiver.Status = 503;
        string[] settings =
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=100000",
            "--Modem:Simulator:SendDelayMs=5",
            "--Modem:Simulator:DeliveryReports=None",
            $"--Webhooks:Endpoints:0:Url={receiver.Url}",
            "--Webhooks:Endpoints:0:Secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "--Webhooks:Endpoints:0:Events:0=message.sent",
            "--Webhooks:AllowHttp=true",
            "--Webhooks:AllowPrivateNetworks=true",
            "--Logging:LogLevel:Default=Warning",
        ];

        var ids = new List<string>();
        var port = AgentProcess.FreePort();
        await using (var first = AgentProcess.Start(settings, port))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = first.CreateClient(Key);
            for (var i = 0; i < Messages; i++)
            {
                var response = await client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = $"webhook kill {i}" });
                response.EnsureSuccessStatusCode();
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            // Every "sent" is committed, with its event; the receiver has refused some of them at least once.
            foreach (var id in ids)
            {
                await Eventually.WaitUntilAsync(
                    async () => (await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString() == "sent",
                    TimeSpan.FromSeconds(60),
                    $"message {id} sent");
            }

            await Eventually.WaitUntilAsync(() => receiver.Received.Count >= 1, "a refused attempt before the kill");
            first.KillHard();
        }

        var seenBefore = receiver.Received.GroupBy(MessageId).ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.Id).Distinct()));
        output.WriteLine($"{Messages} sent; {seenBefore.Count} events attempted (refused) before kill -9");
        receiver.Status = 204;

        await using var second = AgentProcess.Start(settings, port);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await Eventually.WaitUntilAsync(
            () => receiver.Accepted.Select(MessageId).Distinct().Count() == Messages,
            "every message.sent accepted after the restart",
            TimeSpan.FromSeconds(60));

        var accepted = receiver.Accepted.GroupBy(MessageId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().ToList());
        Assert.Equal(ids.Order(), accepted.Keys.Order());
        Assert.All(accepted.Values, eventIds => Assert.Single(eventIds));
        foreach (var (messageId, eventId) in seenBefore)
        {
            Assert.Equal(eventId, accepted[messageId][0]);
        }
    }

    private static string MessageId(WebhookRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("data").GetProperty("messageId").GetString()!;
    }
}

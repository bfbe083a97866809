using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// Accepted messages survive <c>kill -9</c>: the agent is killed mid-run and restarted on the same
/// data folder; the simulator's air log (appended across both runs) must show every message.
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output)
{
    private const int Messages = 500;
    private const string Key = "kill-test-key";

    [Fact]
    public async Task Kill9_WithQueuedMessages_AllReachSentAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-kill-").FullName;
        var airLog = Path.Combine(folder, "air.jsonl");
        string[] settings =
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            // 500 SMS to one number as fast as possible: the pumping and rate limits would refuse most of them.
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=100000",
            // Slower than intake (500 requests take 2–4 s), so the kill falls while messages still wait.
            "--Modem:Simulator:SendDelayMs=20",
            "--Modem:Simulator:DeliveryReports=None",
            $"--Modem:Simulator:AirLog={airLog}",
            "--Logging:LogLevel:Default=Warning",
        ];

        var ids = new List<string>();
        var port = AgentProcess.FreePort();
        await using (var first = AgentProcess.Start(settings, port))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = Client(first.BaseAddress);
            for (var i = 0; i < Messages; i++)
            {
                var response = await client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = $"kill test {i}" });
                response.EnsureSuccessStatusCode();
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            await Eventually.WaitUntilAsync(() => AirLog.Read(airLog).Count >= 50, TimeSpan.FromSeconds(60));
            first.KillHard();
        }

        var sentBeforeKill = AirLog.Read(airLog).Count;
        output.WriteLine($"accepted {Messages}, transmitted before kill -9: {sentBeforeKill}");
        Assert.True(sentBeforeKill < Messages, "the kill must fall in the middle of the run");

        await using var second = AgentProcess.Start(settings, port);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var restarted = Client(second.BaseAddress);
        await Eventually.WaitUntilAsync(async () => (await restarted.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("queue").GetProperty("depth").GetInt64() == 0, TimeSpan.FromSeconds(120));

        foreach (var id in ids)
        {
            var message = await restarted.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
            Assert.Equal("sent", message.GetProperty("status").GetString());
        }

        var texts = AirLog.Read(airLog).Select(e => e.Text).ToList();
        var lost = Enumerable.Range(0, Messages).Count(i => !texts.Contains($"kill test {i}"));
        var duplicated = texts.Count - texts.Distinct().Count();
        output.WriteLine($"lost {lost}, duplicated {duplicated}, transmissions {texts.Count}");
        Assert.Equal(0, lost);

        // One kill can fall at most once between the modem's OK and the durable "sent" record.
        Assert.InRange(duplicated, 0, 1);
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }
}

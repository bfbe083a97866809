using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// Fault scenario 1: 1,000 messages while the agent is killed with SIGKILL at random moments 20
/// times. The simulator's air log (appended across all runs) is the ground truth.
/// </summary>
public sealed class RepeatedKillTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int Kills = 20;
    private const string Key = "kill-test-key";

    [Fact]
    public async Task ThousandMessages_TwentyKills_NoneLost_DuplicatesBoundedByKills()
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-kills-").FullName;
        var airLog = Path.Combine(folder, "air.jsonl");
        string[] settings =
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            "--Modem:Simulator:SendDelayMs=20",
            "--Modem:Simulator:DeliveryReports=None",
            $"--Modem:Simulator:AirLog={airLog}",
            "--Logging:LogLevel:Default=Warning",
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=100000",
        ];
        var port = AgentProcess.FreePort();
        var random = new Random(1129);
        var ids = new List<string>();

        await using (var first = AgentProcess.Start(settings, port))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = Client(first.BaseAddress);
            var posts = Enumerable.Range(0, Messages).Select(i => $"message {i}").Chunk(20);
            foreach (var chunk in posts)
            {
                var responses = await Task.WhenAll(chunk.Select(text => client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text })));
                foreach (var response in responses)
                {
                    response.EnsureSuccessStatusCode();
                    ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                }
            }

            await Task.Delay(random.Next(200, 1500));
            first.KillHard();
        }

        for (var kill = 2; kill <= Kills; kill++)
        {
            await using var agent = AgentProcess.Start(settings, port);
            await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(100, 1500));
            agent.KillHard();
        }

        var transmittedDuringKills = AirLog.Read(airLog).Count;
        await using var last = AgentProcess.Start(settings, port);
        await last.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var final = Client(last.BaseAddress);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await final.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("queue").GetProperty("depth").GetInt64() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the queue did not drain");
            await Task.Delay(100);
        }

        foreach (var id in ids)
        {
            Assert.Equal("sent", (await final.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString());
        }

        var texts = AirLog.Read(airLog).Select(e => e.Text).ToList();
        var lost = Enumerable.Range(0, Messages).Count(i => !texts.Contains($"message {i}"));
        var duplicated = texts.Count - texts.Distinct().Count();
        var unexpected = texts.Count(t => !t.StartsWith("message ", StringComparison.Ordinal));
        output.WriteLine($"messages {Messages}, kills {Kills}, transmitted while being killed {transmittedDuringKills}; lost {lost}, duplicated {duplicated}, unexpected {unexpected}");
        Assert.Equal(0, lost);
        Assert.Equal(0, unexpected);
        Assert.InRange(duplicated, 0, Kills);
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }
}

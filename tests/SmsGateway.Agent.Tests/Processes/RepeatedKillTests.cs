using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// Fault scenario 1: 1,000 messages while the agent is killed with SIGKILL at random moments 20
/// times. The simulator's air log (appended across all runs) is the ground truth: each kill may cause at
/// most one extra transmission (the one SMS on the air whose outcome was not yet recorded), and a run
/// that is not killed none.
/// </summary>
public sealed class RepeatedKillTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int Kills = 20;
    private const string Key = "kill-test-key";

    [Fact]
    public async Task ThousandMessages_TwentyKills_NoneLost_AtMostOneExtraTransmissionPerKill()
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

        // Where each killed run's transmissions end in the air log.
        var runEnds = new List<int>();

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

        runEnds.Add(AirLog.Read(airLog).Count);

        for (var kill = 2; kill <= Kills; kill++)
        {
            await using var agent = AgentProcess.Start(settings, port);
            await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(100, 1500));
            agent.KillHard();
            runEnds.Add(AirLog.Read(airLog).Count);
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
        var perKill = ExtraTransmissionsPerKill(texts, runEnds);
        var withinRuns = DuplicatesWithinRuns(texts, runEnds);
        output.WriteLine($"messages {Messages}, kills {Kills}, transmitted while being killed {transmittedDuringKills}; lost {lost}, duplicated {duplicated}, unexpected {unexpected}");
        output.WriteLine($"extra transmissions per kill: [{string.Join(", ", perKill)}]; duplicated within one run: {withinRuns}");
        Assert.Equal(0, lost);
        Assert.Equal(0, unexpected);
        Assert.Equal(0, withinRuns);
        Assert.All(perKill, extra => Assert.InRange(extra, 0, 1));
        Assert.Equal(duplicated, perKill.Sum());
    }

    // Kill k caused the retransmission of every text transmitted in run k that was transmitted again in a later run.
    private static List<int> ExtraTransmissionsPerKill(IReadOnlyList<string> texts, IReadOnlyList<int> runEnds)
    {
        var perKill = new List<int>();
        var start = 0;
        foreach (var end in runEnds)
        {
            var later = texts.Skip(end).ToHashSet();
            perKill.Add(texts.Take(end).Skip(start).Distinct().Count(later.Contains));
            start = end;
        }

        return perKill;
    }

    private static int DuplicatesWithinRuns(IReadOnlyList<string> texts, IReadOnlyList<int> runEnds)
    {
        var bounds = runEnds.Prepend(0).Append(texts.Count).ToList();
        return bounds.Zip(bounds.Skip(1), (from, to) => texts.Skip(from).Take(to - from).ToList())
            .Sum(run => run.Count - run.Distinct().Count());
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }
}

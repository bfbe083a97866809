using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// At-most-once (<c>Outbound:AfterCrash=unknown</c>) under <c>kill -9</c>: the agent is killed while a
/// destination is <c>sending</c> (the simulator holds each SMS on the air for a while), restarted, and
/// the air log must show that nothing was transmitted twice and nothing killed mid-send was sent again.
/// Then a person replays them with <c>deadletters replay all</c> while the agent runs: one more
/// transmission each.
/// </summary>
public sealed class AfterCrashKillTests(ITestOutputHelper output)
{
    private const int Messages = 12;
    private const int Kills = 3;
    private const string Key = "kill-test-key";

    [Fact]
    public async Task Kill9_InTheAmbiguousWindow_WithUnknownPolicy_DestinationIsUnknownAndNeverTransmittedTwice()
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-atmostonce-").FullName;
        var airLog = Path.Combine(folder, "air.jsonl");
        string[] settings =
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            "--Outbound:AfterCrash=unknown",
            "--Sms:PerDestinationPerHour=0",
            "--Modem:Simulator:SendDelayMs=400",
            "--Modem:Simulator:DeliveryReports=None",
            $"--Modem:Simulator:AirLog={airLog}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var port = AgentProcess.FreePort();
        var ids = new List<string>();
        var killedMidSend = new Dictionary<string, int>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            await using var agent = AgentProcess.Start(settings, port);
            await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = agent.CreateClient(Key);
            if (kill == 1)
            {
                for (var i = 0; i < Messages; i++)
                {
                    var response = await client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = Text(i) });
                    response.EnsureSuccessStatusCode();
                    ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                }
            }

            var sending = await WaitForSendingAsync(client, ids);
            agent.KillHard();

            // What had left the modem of that SMS when the process died (0 unless it was just finishing).
            killedMidSend[sending] = AirLog.Read(airLog).Count(e => e.Text == Text(ids.IndexOf(sending)));
        }

        await using var last = AgentProcess.Start(settings, port);
        await last.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var final = last.CreateClient(Key);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await final.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("queue").GetProperty("depth").GetInt64() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the queue did not drain");
            await Task.Delay(100);
        }

        var air = AirLog.Read(airLog).GroupBy(e => e.Text).ToDictionary(g => g.Key, g => g.Count());
        var statuses = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            statuses[id] = (await final.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString()!;
        }

        var unknown = statuses.Count(s => s.Value == "unknown");
        var duplicated = air.Values.Sum(n => n - 1);
        var lost = ids.Count(id => statuses[id] == "sent" && air.GetValueOrDefault(Text(ids.IndexOf(id))) == 0);
        var dead = (await final.GetFromJsonAsync<JsonElement>("/api/deadletters")).GetProperty("items").EnumerateArray().ToList();
        output.WriteLine($"messages {Messages}, kills {Kills} (each while a destination was 'sending'), unknown {unknown}, sent {statuses.Count(s => s.Value == "sent")}, transmissions {air.Values.Sum()}, duplicated {duplicated}, sent-but-never-transmitted {lost}");

        Assert.All(statuses.Values, s => Assert.Contains(s, new[] { "sent", "unknown" }));
        Assert.Equal(0, duplicated);
        Assert.Equal(0, lost);
        Assert.InRange(unknown, 1, Kills);
        Assert.Equal(unknown, dead.Count(d => d.GetProperty("reason").GetString() == "UnknownOutcomeAfterCrash"));
        foreach (var (id, transmittedAtKill) in killedMidSend)
        {
            // Killed before the modem answered: never transmitted, and unknown rather than sent again.
            if (transmittedAtKill == 0)
            {
                Assert.Equal("unknown", statuses[id]);
                Assert.Equal(0, air.GetValueOrDefault(Text(ids.IndexOf(id))));
            }
        }

        // The command works on the database the running agent uses; the agent picks the items up.
        var listed = await AgentProcess.RunCommandAsync(["deadletters", "list", "--json", settings[0]], TimeSpan.FromMinutes(1));
        Assert.Equal(0, listed.ExitCode);
        var items = JsonDocument.Parse(listed.Output).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(unknown, items.Count);
        var replay = await AgentProcess.RunCommandAsync(["deadletters", "replay", "all", settings[0]], TimeSpan.FromMinutes(1));
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(unknown, JsonDocument.Parse(replay.Output).RootElement.GetProperty("replayed").GetArrayLength());

        var replayedIds = ids.Where(id => statuses[id] == "unknown").ToList();
        var replayDeadline = DateTime.UtcNow.AddMinutes(1);
        foreach (var id in replayedIds)
        {
            while ((await final.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString() != "sent")
            {
                Assert.True(DateTime.UtcNow < replayDeadline, $"replayed {id} was not sent");
                await Task.Delay(100);
            }
        }

        var afterReplay = AirLog.Read(airLog).GroupBy(e => e.Text).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"replayed {replayedIds.Count} with 'deadletters replay all' while the agent ran; transmissions now {afterReplay.Values.Sum()}");
        foreach (var id in replayedIds)
        {
            var text = Text(ids.IndexOf(id));
            Assert.Equal(air.GetValueOrDefault(text) + 1, afterReplay[text]);
        }
    }

    private static string Text(int i) => $"at-most-once {i}";

    private static async Task<string> WaitForSendingAsync(HttpClient client, IReadOnlyList<string> ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                var message = await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
                if (message.GetProperty("destinations")[0].GetProperty("status").GetString() == "sending")
                {
                    return id;
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no destination was ever seen 'sending'");
    }
}

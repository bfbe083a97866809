using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>One agent per data folder: a second one is refused before it touches the queue; the lock never outlives its holder.</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private const string Key = "lock-test-key";
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-lock-").FullName;

    private string Data => Path.Combine(_folder, "data");

    private string Air => Path.Combine(_folder, "air.jsonl");

    [Fact]
    public async Task SecondAgent_OnTheSameFolder_ExitsWith75NamingFolderAndPid_AndTheFirstSendsEachMessageOnce()
    {
        await using var first = AgentProcess.Start(Settings("--Modem:Simulator:SendDelayMs=400"));
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = Client(first);
        string[] to = ["+4915112345671", "+4915112345672", "+4915112345673"];
        (await client.PostAsJsonAsync("/api/messages", new { to, text = "only once" })).EnsureSuccessStatusCode();
        await Eventually.WaitUntilAsync(() => AirLog.Read(Air).Count >= 1 || first.HasExited, TimeSpan.FromSeconds(30));

        // While the first agent has its items in flight.
        await using var second = AgentProcess.Start(Settings());
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(75, exit);
        var line = Assert.Single(second.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(Data, line, StringComparison.Ordinal);
        Assert.Contains($"pid {first.Pid}", line, StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("queue").GetProperty("depth").GetInt64() == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(to.Order(), AirLog.Read(Air).Select(e => e.To).Order());
    }

    [Fact]
    public async Task Restart_AfterKill9_TakesTheFolderAgain()
    {
        var port = AgentProcess.FreePort();
        await using (var killed = AgentProcess.Start(Settings(), port))
        {
            await killed.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            killed.KillHard();
        }

        await using var restarted = AgentProcess.Start(Settings(), port);
        await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task VerbsThatOnlyRead_RunBesideARunningAgent()
    {
        await using var agent = AgentProcess.Start(Settings());
        await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var list = await AgentProcess.RunCommandAsync(["deadletters", "list", $"--Storage:Path={Data}"], TimeSpan.FromSeconds(60));
        var check = await AgentProcess.RunCommandAsync(["storage", "check", $"--Storage:Path={Data}"], TimeSpan.FromSeconds(60));
        var backup = await AgentProcess.RunCommandAsync(["storage", "backup", Path.Combine(_folder, "copy.db"), $"--Storage:Path={Data}"], TimeSpan.FromSeconds(60));

        Assert.Equal((0, 0, 0), (list.ExitCode, check.ExitCode, backup.ExitCode));
        Assert.StartsWith("ok: ", check.Output, StringComparison.Ordinal);
        Assert.False(agent.HasExited);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Settings(params string[] extra) =>
    [
        $"--Storage:Path={Data}",
        $"--Api:Keys:0={Key}",
        "--Modem:Simulator:DeliveryReports=None",
        $"--Modem:Simulator:AirLog={Air}",
        "--Logging:LogLevel:Default=Warning",
        .. extra,
    ];

    private static HttpClient Client(AgentProcess agent) => agent.CreateClient(Key);
}

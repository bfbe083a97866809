using Microsoft.Data.Sqlite;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>A lost, damaged or full database stops the agent with one line naming it and a sysexits code, before anything changes.</summary>
public sealed class DatabaseFileStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-dbfile-").FullName;

    private string Data => Path.Combine(_folder, "data");

    private string File => Path.Combine(Data, "gateway.db");

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("deleted")]
    public async Task Start_OnADatabaseThatIsNotWhole_ExitsWith65InOneLineNamingTheFile(string damage)
    {
        await QueueMessagesAsync();
        var bytes = System.IO.File.ReadAllBytes(File);
        switch (damage)
        {
            case "empty":
                System.IO.File.WriteAllBytes(File, []);
                break;
            case "garbage":
                System.IO.File.WriteAllBytes(File, [.. bytes.Select((b, i) => (byte)(b ^ (i * 31)))]);
                break;
            case "truncated":
                System.IO.File.WriteAllBytes(File, bytes[..(bytes.Length / 2 + 100)]);
                break;
            default:
                System.IO.File.Delete(File);
                break;
        }

        var damaged = System.IO.File.Exists(File) ? System.IO.File.ReadAllBytes(File) : null;

        await using var agent = AgentProcess.Start([$"--Storage:Path={Data}", "--Api:Keys:0=k"]);
        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(65, exit);
        var line = Assert.Single(agent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(File, line, StringComparison.Ordinal);
        Assert.Equal(damaged, System.IO.File.Exists(File) ? System.IO.File.ReadAllBytes(File) : null);
    }

    [TmpfsFact]
    public async Task Start_OnAFullDisk_ExitsWith73InOneLine()
    {
        using var disk = Tmpfs.Mount(megabytes: 2);
        disk.Fill();
        var data = Path.Combine(disk.Path, "data");

        await using var agent = AgentProcess.Start([$"--Storage:Path={data}", "--Api:Keys:0=k"]);
        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(73, exit);
        var line = Assert.Single(agent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(data, line, StringComparison.Ordinal);
        Assert.Contains("no space", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A database with a queue in it, closed the way a copy or restore would find it (no write-ahead log beside it).
    private async Task QueueMessagesAsync()
    {
        var options = new EmbeddedStorageOptions { Path = Data };
        using (var db = new SqliteDatabase(options))
        {
            var queue = new SqliteOutboundQueue(db, options, TimeProvider.System);
            await queue.PublishAsync(
                [.. Enumerable.Range(0, 300).Select(i => new QueueItem { MessageId = $"m{i}", DestinationIndex = 0, To = "+4915112345678", Text = new string('q', 140) })],
                null,
                CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }
}

using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary><c>storage check</c> and <c>storage backup</c> as an operator runs them: their exit codes, and no database made where there was none.</summary>
public sealed class StorageCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-storagecmd-").FullName;

    private string Data => Path.Combine(_folder, "data");

    [Fact]
    public async Task Check_And_Backup_OnAFolderWithoutADatabase_Exit66_AndCreateNothing()
    {
        var check = await AgentProcess.RunCommandAsync(["storage", "check", $"--Storage:Path={Data}"], Timeout);
        var backup = await AgentProcess.RunCommandAsync(["storage", "backup", Path.Combine(_folder, "b.db"), $"--Storage:Path={Data}"], Timeout);

        Assert.Equal((66, 66), (check.ExitCode, backup.ExitCode));
        Assert.Contains("no database", check.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Check_ADamagedDatabase_Exits65NamingIt()
    {
        Directory.CreateDirectory(Data);
        await File.WriteAllTextAsync(Path.Combine(Data, "gateway.db"), new string('#', 8192));

        var check = await AgentProcess.RunCommandAsync(["storage", "check", $"--Storage:Path={Data}"], Timeout);

        Assert.Equal(65, check.ExitCode);
        Assert.Contains(Path.Combine(Data, "gateway.db"), check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_Exits73_UnlessForced()
    {
        await using (var agent = AgentProcess.Start([$"--Storage:Path={Data}", "--Api:Keys:0=k"]))
        {
            await agent.WaitUntilReadyAsync(Timeout);
        }

        var target = Path.Combine(_folder, "b.db");
        await File.WriteAllTextAsync(target, "older backup");

        var refused = await AgentProcess.RunCommandAsync(["storage", "backup", target, $"--Storage:Path={Data}"], Timeout);
        var forced = await AgentProcess.RunCommandAsync(["storage", "backup", target, "--force", $"--Storage:Path={Data}"], Timeout);

        Assert.Equal((73, 0), (refused.ExitCode, forced.ExitCode));
        Assert.StartsWith("backed up ", forced.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("storage", "verify")]
    [InlineData("storage", "backup")]
    [InlineData("storage", "check", "--force")]
    [InlineData("storage", "backup", "a.db", "b.db")]
    public async Task BadArguments_PrintUsage_AndExit64(params string[] args)
    {
        var result = await AgentProcess.RunCommandAsync([.. args, $"--Storage:Path={Data}"], Timeout);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("usage: SmsGateway.Agent storage", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

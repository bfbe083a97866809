namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>One holder per data folder; the process-level refusal (exit 75, a second OS process) is in the agent's tests.</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-lock-").FullName;

    [Fact]
    public void Acquire_WhileHeld_IsRefusedAsInUse_NamingTheFolderAndTheHoldersPid()
    {
        using var first = DataFolderLock.Acquire(_folder);

        var refused = Assert.Throws<StorageUnusableException>(() => DataFolderLock.Acquire(_folder));

        Assert.Equal(StorageUnusableException.InUse, refused.ExitCode);
        Assert.Contains(_folder, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"(pid {Environment.ProcessId})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_AfterTheHolderLetGo_Succeeds()
    {
        DataFolderLock.Acquire(_folder).Dispose();

        using var second = DataFolderLock.Acquire(_folder);

        Assert.Equal(_folder, second.Folder);
    }

    [Fact]
    public void Acquire_AMissingFolder_CreatesIt()
    {
        var folder = Path.Combine(_folder, "new", "data");

        using var held = DataFolderLock.Acquire(folder);

        Assert.True(File.Exists(Path.Combine(folder, DataFolderLock.LockFileName)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

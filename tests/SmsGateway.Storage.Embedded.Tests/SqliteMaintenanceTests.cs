using Microsoft.Data.Sqlite;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary><c>storage check</c> and <c>storage backup</c>: they read, never create, and a backup is whole or absent.</summary>
public sealed class SqliteMaintenanceTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("smsgw-backup-").FullName;

    [Fact]
    public async Task Check_ASoundDatabase_SaysOkWithItsCounts()
    {
        await new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System)
            .PublishAsync([new QueueItem { MessageId = "m", DestinationIndex = 0, To = "+4915112345678", Text = "x" }], null, CancellationToken.None);

        var line = SqliteMaintenance.Check(_db.Database.File);

        Assert.StartsWith("ok: ", line, StringComparison.Ordinal);
        Assert.Contains("1 queued", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoDatabase_IsNoInput_AndCreatesNone()
    {
        var file = Path.Combine(_elsewhere, "gateway.db");

        var refused = Assert.Throws<StorageUnusableException>(() => SqliteMaintenance.Check(file));

        Assert.Equal(StorageUnusableException.NoInput, refused.ExitCode);
        Assert.Empty(Directory.GetFiles(_elsewhere));
    }

    [Fact]
    public void Check_Garbage_IsDataError()
    {
        var file = Path.Combine(_elsewhere, "gateway.db");
        File.WriteAllText(file, new string('z', 10_000));

        var refused = Assert.Throws<StorageUnusableException>(() => SqliteMaintenance.Check(file));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
    }

    [Fact]
    public async Task Backup_WhileTheDatabaseIsInUse_IsAWholeDatabaseWithTheQueue()
    {
        var queue = new SqliteOutboundQueue(_db.Database, _db.Options, TimeProvider.System);
        await queue.PublishAsync([new QueueItem { MessageId = "m", DestinationIndex = 0, To = "+4915112345678", Text = "x" }], null, CancellationToken.None);
        var target = Path.Combine(_elsewhere, "copy.db");

        SqliteMaintenance.Backup(_db.Database.File, target, replace: false);

        Assert.False(File.Exists(target + "-wal"));
        var restored = Path.Combine(_elsewhere, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(target, Path.Combine(restored, "gateway.db"));
        var options = new EmbeddedStorageOptions { Path = restored };
        using var reopened = new SqliteDatabase(options);
        var lease = await new SqliteOutboundQueue(reopened, options, TimeProvider.System).ReceiveAsync(TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("m.0", lease?.ItemId);
    }

    [Fact]
    public void Backup_OverAnExistingFile_IsRefusedUnlessReplacing()
    {
        var target = Path.Combine(_elsewhere, "copy.db");
        File.WriteAllText(target, "keep me");

        var refused = Assert.Throws<StorageUnusableException>(() => SqliteMaintenance.Backup(_db.Database.File, target, replace: false));

        Assert.Equal(StorageUnusableException.CannotCreate, refused.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(target));
        SqliteMaintenance.Backup(_db.Database.File, target, replace: true);
        Assert.StartsWith("ok: ", SqliteMaintenance.Check(target), StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_IntoAFolderThatIsNotThere_LeavesNothing()
    {
        var target = Path.Combine(_elsewhere, "missing", "copy.db");

        var refused = Assert.Throws<StorageUnusableException>(() => SqliteMaintenance.Backup(_db.Database.File, target, replace: false));

        Assert.Equal(StorageUnusableException.CannotCreate, refused.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_elsewhere));
    }

    public void Dispose()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_elsewhere, recursive: true);
    }
}

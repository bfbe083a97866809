using Microsoft.Data.Sqlite;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>A database that existed is never taken for a new one, and a damaged one is refused with one line.</summary>
public sealed class DatabaseFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-file-").FullName;

    private EmbeddedStorageOptions Options => new() { Path = _folder };

    private string File => Options.DatabaseFile;

    [Fact]
    public void FirstOpen_InAnEmptyFolder_CreatesTheDatabaseAndItsMarker()
    {
        using (new SqliteDatabase(Options))
        {
        }

        Assert.True(System.IO.File.Exists(File));
        Assert.True(System.IO.File.Exists(File + ".created"));
        Assert.False(System.IO.File.Exists(File + ".new"));
    }

    [Fact]
    public async Task Open_AnEmptiedDatabase_IsRefusedAsDataError_AndLeavesItAlone()
    {
        await QueueOneAsync();
        System.IO.File.WriteAllBytes(File, []);
        DeleteLog();

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
        Assert.Contains(File, refused.Message, StringComparison.Ordinal);
        Assert.Contains("empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(File).Length);
    }

    [Fact]
    public void Open_AnEmptyFileWithoutMarker_IsStillRefused()
    {
        // A bad restore into a fresh folder: no marker, but an empty gateway.db is never something this gateway made.
        System.IO.File.WriteAllBytes(File, []);

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
    }

    [Fact]
    public async Task Open_ADeletedDatabase_WhoseMarkerRemains_IsRefused()
    {
        await QueueOneAsync();
        System.IO.File.Delete(File);
        DeleteLog();

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
        Assert.Contains("missing", refused.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File));
    }

    [Fact]
    public void Open_Garbage_IsRefusedAsDataError()
    {
        System.IO.File.WriteAllBytes(File, [.. Enumerable.Range(0, 65_536).Select(i => (byte)(i * 7919 % 251))]);

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
        Assert.Contains(File, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ADatabaseTruncatedMidPage_IsRefusedAsDataError()
    {
        await QueueOneAsync(count: 400);
        var bytes = System.IO.File.ReadAllBytes(File);
        System.IO.File.WriteAllBytes(File, bytes[..(bytes.Length / 2 + 100)]);

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Equal(StorageUnusableException.DataError, refused.ExitCode);
    }

    [Fact]
    public void Open_AnotherApplicationsDatabase_IsRefused()
    {
        using (var other = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<StorageUnusableException>(() => new SqliteDatabase(Options));

        Assert.Contains("not an SmsGateway one", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ADatabaseFromBeforeTheMarker_KeepsItsQueueAndGainsTheMarker()
    {
        await QueueOneAsync();
        System.IO.File.Delete(File + ".created");

        using var db = new SqliteDatabase(Options);

        Assert.True(System.IO.File.Exists(File + ".created"));
        Assert.Equal(1, (await new SqliteOutboundQueue(db, Options, TimeProvider.System).CountAsync(CancellationToken.None)).Depth);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task QueueOneAsync(int count = 1)
    {
        using var db = new SqliteDatabase(Options);
        var queue = new SqliteOutboundQueue(db, Options, TimeProvider.System);
        await queue.PublishAsync(
            [.. Enumerable.Range(0, count).Select(i => new QueueItem { MessageId = $"m{i}", DestinationIndex = 0, To = "+4915112345678", Text = new string('x', 150) })],
            null,
            CancellationToken.None);
    }

    // A kill -9 leaves the log behind; a copy or a restore usually does not.
    private void DeleteLog()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File + "-wal");
        System.IO.File.Delete(File + "-shm");
    }
}

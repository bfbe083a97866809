using Microsoft.Data.Sqlite;
using SmsGateway.Core.Storage;

namespace SmsGateway.Storage.Embedded;

/// <summary>Whether the database's last commit went through, kept by <see cref="SqliteDatabase"/> as it commits.</summary>
public sealed class SqliteStorageHealth : IStorageHealth
{
    // Often enough that health turns healthy soon after space returns, rarely enough that a probe costs nothing.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);
    private const long RoomToRecover = 1024 * 1024;

    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;
    private readonly string _folder;
    private StorageState _state = StorageState.Ok;
    private DateTimeOffset _lastProbe = DateTimeOffset.MinValue;

    internal SqliteStorageHealth(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _folder = Path.GetDirectoryName(db.File)!;
    }

    public StorageState Current => Volatile.Read(ref _state);

    public async Task<StorageState> CheckAsync(CancellationToken cancellationToken)
    {
        var state = Current;
        var now = _time.GetUtcNow();
        if (state.Writable || now - _lastProbe < ProbeInterval)
        {
            return state;
        }

        _lastProbe = now;
        try
        {
            await _db.ProbeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is StorageFullException or SqliteException)
        {
            // Recorded by the commit that failed.
        }

        return Current;
    }

    internal void Succeeded()
    {
        // On a nearly full disk small commits still fit in the log's reused space while larger ones fail: the store is
        // writable again only once the disk has room, not at the first commit that happened to fit.
        if (!Current.Writable && !SqliteErrors.FreeSpaceBelow(_folder, RoomToRecover))
        {
            Volatile.Write(ref _state, StorageState.Ok);
        }
    }

    internal void Failed(Exception exception) => Volatile.Write(ref _state, new StorageState(false, Describe(exception)));

    private static string Describe(Exception exception) => exception switch
    {
        StorageFullException => "disk full",
        SqliteException sqlite when SqliteErrors.IsOutOfSpace(sqlite) => "disk full",
        SqliteException sqlite when SqliteErrors.IsIoError(sqlite) => "disk I/O error",
        SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}",
        _ => exception.GetType().Name,
    };
}

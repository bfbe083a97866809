using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// Makes sure <c>gateway.db</c> is this gateway's database before anything uses it, and never takes a database that
/// existed for a new one. A new database is built under a temporary name and renamed into place whole, then a marker
/// (<c>gateway.db.created</c>) is written beside it: from then on an empty or missing file is a lost database to
/// restore, not a first start. Every refusal is a <see cref="StorageUnusableException"/> with one line for the operator.
/// </summary>
internal static class DatabaseFile
{
    /// <summary>
    /// This code's schema (<c>PRAGMA user_version</c>); 0 is a database from before the version was kept. 2 added the
    /// webhook tables: a gateway of version 1 would change statuses without storing their events, so it must refuse it.
    /// </summary>
    public const int SchemaVersion = 2;

    public static string MarkerOf(string file) => file + ".created";

    public static void Prepare(string file, TimeProvider time)
    {
        var marker = MarkerOf(file);
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            if (File.Exists(marker) || File.Exists(file + "-wal"))
            {
                throw Lost(file, marker, $"{file} is missing, but a database was created there ({Describe(marker)})");
            }

            Create(file, time);
            return;
        }

        if (info.Length == 0)
        {
            throw Lost(file, marker, $"{file} is empty (0 bytes): a truncated copy, a bad restore or a disk that filled at the wrong moment");
        }

        Verify(file);
        if (!File.Exists(marker))
        {
            // A database from before the marker: from now on it is known to have existed.
            WriteMarker(marker, time, "found");
        }
    }

    /// <summary>A connection string for one connection of its own, not pooled: the checks leave nothing open behind them.</summary>
    public static string Unpooled(string file, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = mode,
        Pooling = false,
    }.ToString();

    /// <summary>Why <paramref name="connection"/>'s database is not usable by this gateway, or null when it is.</summary>
    public static string? Problem(SqliteConnection connection, bool full)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'queue'; PRAGMA user_version;";
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            var hasQueue = reader.GetInt64(0) == 1;
            reader.NextResult();
            reader.Read();
            var version = reader.GetInt64(0);
            if (version > SchemaVersion)
            {
                return $"its schema version {version} is newer than this SmsGateway's ({SchemaVersion}); run the version that wrote it";
            }

            if (!hasQueue)
            {
                return "it is an SQLite database, but not an SmsGateway one (it has no queue table)";
            }
        }

        command.CommandText = full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)";
        var problems = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }
        }

        return problems is ["ok"] ? null : "integrity check: " + string.Join("; ", problems);
    }

    private static void Verify(string file)
    {
        string? problem;
        try
        {
            using var connection = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadWrite));
            connection.Open();
            problem = Problem(connection, full: false);
            if (problem is null)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA user_version = {SchemaVersion}";
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException ex) when (!SqliteErrors.IsDamaged(ex))
        {
            throw Unwritable(file, ex);
        }
        catch (SqliteException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            throw new StorageUnusableException(
                StorageUnusableException.DataError,
                $"Storage: {file} is not a usable SmsGateway database ({problem}). Nothing was changed; check it with 'storage check', then restore a backup or salvage it with sqlite3's .recover (docs/RELIABILITY.md, \"Recovering the database\").");
        }
    }

    private static void Create(string file, TimeProvider time)
    {
        var building = file + ".new";
        File.Delete(building);
        File.Delete(building + "-journal");
        try
        {
            using (var connection = new SqliteConnection(Unpooled(building, SqliteOpenMode.ReadWriteCreate)))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"BEGIN; {Schema.Sql} PRAGMA user_version = {SchemaVersion}; COMMIT;";
                command.ExecuteNonQuery();
            }

            File.Move(building, file);
            WriteMarker(MarkerOf(file), time, "created");
        }
        catch (SqliteException ex)
        {
            throw Unwritable(file, ex);
        }
        catch (IOException ex)
        {
            throw Unwritable(file, ex);
        }
    }

    private static void WriteMarker(string marker, TimeProvider time, string how)
    {
        using var stream = new FileStream(marker, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{how} {time.GetUtcNow():O} by SmsGateway; while this file exists, gateway.db must exist and must not be empty"));
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    private static string Describe(string marker)
    {
        try
        {
            return File.Exists(marker) ? $"{Path.GetFileName(marker)}: {File.ReadLines(marker).FirstOrDefault()?.Split(';')[0]}" : "its write-ahead log is still there";
        }
        catch (IOException)
        {
            return Path.GetFileName(marker);
        }
    }

    private static StorageUnusableException Lost(string file, string marker, string what) =>
        new(StorageUnusableException.DataError,
            $"Storage: {what}. It is not recreated, so as not to lose the queue silently: restore it from a backup ('storage backup'), or move {Path.GetFileName(marker)} and any empty gateway.db away to start with an empty queue on purpose.");

    public static StorageUnusableException Unwritable(string file, Exception ex)
    {
        var folder = Path.GetDirectoryName(file)!;
        var full = ex switch
        {
            SqliteException sqlite => SqliteErrors.IsOutOfSpace(sqlite) || (SqliteErrors.IsIoError(sqlite) && SqliteErrors.FolderIsFull(folder)),
            IOException io => SqliteErrors.IsOutOfSpace(io) || SqliteErrors.FolderIsFull(folder),
            _ => false,
        };
        return full
            ? new StorageUnusableException(StorageUnusableException.CannotCreate, $"Storage:Path {folder} has no space left on its disk; free some space and start again (nothing queued is lost).", ex)
            : new StorageUnusableException(StorageUnusableException.CannotCreate, $"Storage: {file} cannot be opened for writing ({ex.Message}).", ex);
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The operator's tools for the database file, safe beside a running agent (they hold no folder lock and only read
/// the database): a full integrity check, and an online backup through SQLite's backup API. Neither creates a
/// database where there is none. Failures are <see cref="StorageUnusableException"/> with the exit code to end on.
/// </summary>
public static class SqliteMaintenance
{
    /// <summary>Runs <c>PRAGMA integrity_check</c> over <paramref name="file"/>; returns the line that says it is sound.</summary>
    public static string Check(string file)
    {
        var size = RequireDatabase(file);
        try
        {
            using var connection = new SqliteConnection(DatabaseFile.Unpooled(file, SqliteOpenMode.ReadOnly));
            connection.Open();
            var problem = DatabaseFile.Problem(connection, full: true);
            if (problem is not null)
            {
                throw Damaged(file, problem, null);
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM queue WHERE state = 0; SELECT COUNT(*) FROM queue WHERE state = 2;";
            using var reader = command.ExecuteReader();
            reader.Read();
            var queued = reader.GetInt64(0);
            reader.NextResult();
            reader.Read();
            var deadLettered = reader.GetInt64(0);
            return string.Create(CultureInfo.InvariantCulture, $"ok: {file} ({size} bytes; integrity_check ok; {queued} queued, {deadLettered} dead-lettered)");
        }
        catch (SqliteException ex)
        {
            throw Damaged(file, ex.Message, ex);
        }
    }

    /// <summary>
    /// Copies <paramref name="file"/> to <paramref name="target"/> while it may be in use, as one self-contained file (no
    /// WAL beside it), checked before it takes its name: a backup that failed half-way leaves nothing behind.
    /// </summary>
    public static string Backup(string file, string target, bool replace)
    {
        RequireDatabase(file);
        target = Path.GetFullPath(target);
        if (File.Exists(target) && !replace)
        {
            throw new StorageUnusableException(StorageUnusableException.CannotCreate, $"{target} already exists; give another file, or add --force to replace it.");
        }

        var partial = target + ".partial";
        try
        {
            File.Delete(partial);
            using (var source = new SqliteConnection(DatabaseFile.Unpooled(file, SqliteOpenMode.ReadOnly)))
            using (var copy = new SqliteConnection(DatabaseFile.Unpooled(partial, SqliteOpenMode.ReadWriteCreate)))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
                using var command = copy.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = DELETE";
                command.ExecuteNonQuery();
                var problem = DatabaseFile.Problem(copy, full: false);
                if (problem is not null)
                {
                    throw Damaged(file, problem, null);
                }
            }

            File.Move(partial, target, overwrite: replace);
            return string.Create(CultureInfo.InvariantCulture, $"backed up {file} to {target} ({new FileInfo(target).Length} bytes; quick_check ok)");
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            if (ex is SqliteException sqlite && SqliteErrors.IsDamaged(sqlite) && !File.Exists(partial + "-journal"))
            {
                throw Damaged(file, sqlite.Message, sqlite);
            }

            throw new StorageUnusableException(StorageUnusableException.CannotCreate, $"The backup {target} could not be written ({ex.Message}); nothing was left behind.", ex);
        }
        catch (StorageUnusableException)
        {
            TryDelete(partial);
            throw;
        }
    }

    private static long RequireDatabase(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new StorageUnusableException(StorageUnusableException.NoInput, $"Storage: there is no database at {file}; check Storage:Path.");
        }

        if (info.Length == 0)
        {
            throw Damaged(file, "the file is empty (0 bytes)", null);
        }

        return info.Length;
    }

    private static StorageUnusableException Damaged(string file, string problem, Exception? inner) =>
        new(StorageUnusableException.DataError, $"damaged: {file} ({problem}); restore a backup or salvage it with sqlite3's .recover (docs/RELIABILITY.md, \"Recovering the database\").", inner);

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            File.Delete(file + "-journal");
        }
        catch (IOException)
        {
            // Best effort: the name says it is partial.
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SmsGateway.Core.Storage;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The embedded database file: opens connections with the durability settings, creates the schema,
/// and serialises writers (SQLite has one writer at a time; queueing them here avoids busy retries)
/// and commits the writers that queued up together.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly TimeProvider _time;
    /// <summary>Enough to amortise a commit, few enough that no single transaction grows long.</summary>
    private const int MaxGroup = 256;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<IPendingWrite> _pending = new();

    public SqliteDatabase(EmbeddedStorageOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>
    /// Opens the database under <see cref="EmbeddedStorageOptions.Path"/>, creating it in a folder that never had one;
    /// throws <see cref="StorageUnusableException"/> when it is lost, damaged or cannot be written.
    /// </summary>
    public SqliteDatabase(EmbeddedStorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = options.DatabaseFile;
        File = file;
        _time = time;
        Health = new SqliteStorageHealth(this, time);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatabaseFile.Unwritable(file, ex);
        }

        DatabaseFile.Prepare(file, time);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _synchronous = options.Synchronous.Equals("normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        try
        {
            using var connection = Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, Schema.Sql);
            AddMissingColumns(connection);

            // A start on a full disk stops here, with one line, instead of failing at its first write.
            Probe(connection, null);
        }
        catch (SqliteException ex)
        {
            SqliteConnection.ClearAllPools();
            throw DatabaseFile.Unwritable(file, ex);
        }
    }

    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in Schema.AddedColumns)
        {
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
            probe.Parameters.AddWithValue("$table", table);
            probe.Parameters.AddWithValue("$column", column);
            if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
            }
        }
    }

    /// <summary>Whether the last commit went through; a failed one is tried again by health checks.</summary>
    public SqliteStorageHealth Health { get; }

    public string File { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=10000;");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction, one writer at a time, and returns once it
    /// is committed. Writers that queue up while another commits are committed together in the next
    /// transaction (group commit), each in its own savepoint: one commit (one fsync with
    /// <c>synchronous=FULL</c>) serves many callers, and a writer that throws undoes only its own work.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        var write = new PendingWrite<T>(work);
        _pending.Enqueue(write);
        try
        {
            await _writeLock.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (write.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another writer already took this one into its transaction: its outcome stands.
            return await OutcomeAsync(write);
        }

        try
        {
            // Someone else's group may have committed this write while this caller waited for the lock;
            // otherwise it is in the queue, and within a group or two of its head.
            while (!write.Result.IsCompleted)
            {
                CommitPending();
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return await OutcomeAsync(write);
    }

    /// <summary>A small write, so that a store marked unwritable learns when it can write again.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            Probe(connection, transaction);
            return 0;
        }, cancellationToken);

    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private void CommitPending()
    {
        var group = new List<IPendingWrite>();
        while (group.Count < MaxGroup && _pending.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                group.Add(next);
            }
        }

        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            foreach (var write in group)
            {
                transaction.Save("write");
                if (write.Run(connection, transaction))
                {
                    transaction.Release("write");
                }
                else
                {
                    transaction.Rollback("write");
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // The transaction itself failed (disk full, I/O error): nothing of the group is durable,
            // and every caller in it must hear so rather than wait forever.
            Health.Failed(ex);
            foreach (var write in group)
            {
                write.Fail(ex);
            }

            return;
        }

        Health.Succeeded();
        foreach (var write in group)
        {
            write.Publish();
        }
    }

    private async Task<T> OutcomeAsync<T>(PendingWrite<T> write)
    {
        try
        {
            return await write.Result;
        }
        catch (SqliteException ex) when (SqliteErrors.Translate(ex, File) is StorageFullException full)
        {
            Health.Failed(full);
            throw full;
        }
    }

    private void Probe(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO storage_probe (id, at) VALUES (1, $at)";
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

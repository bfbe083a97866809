using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

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
    /// <summary>Enough to amortise a commit, few enough that no single transaction grows long.</summary>
    private const int MaxGroup = 256;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<IPendingWrite> _pending = new();

    public SqliteDatabase(EmbeddedStorageOptions options)
    {
        var file = options.DatabaseFile;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _synchronous = options.Synchronous.Equals("normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        File = file;
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, Schema.Sql);
    }

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
            return await write.Result;
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

        return await write.Result;
    }

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
            foreach (var write in group)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in group)
        {
            write.Publish();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

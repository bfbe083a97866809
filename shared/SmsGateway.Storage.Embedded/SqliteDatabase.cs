using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The embedded database file: opens connections with the durability settings, creates the schema,
/// and serialises writers (SQLite has one writer at a time; queueing them here avoids busy retries).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

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

    /// <summary>Runs <paramref name="work"/> in a write transaction, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

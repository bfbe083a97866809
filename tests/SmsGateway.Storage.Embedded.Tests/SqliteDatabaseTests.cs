using Microsoft.Data.Sqlite;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>Group commit: writers that queue up share a transaction, yet each keeps its own outcome.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public SqliteDatabaseTests() =>
        _db.Database.WriteAsync((c, t) => Execute(c, t, "CREATE TABLE t (n INTEGER PRIMARY KEY)"), CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public async Task ConcurrentWrites_OneThrows_OnlyItsWorkIsUndone_AndEveryOtherIsCommitted()
    {
        var writes = Enumerable.Range(0, 200).Select(n => Task.Run(() => _db.Database.WriteAsync((c, t) =>
        {
            Execute(c, t, $"INSERT INTO t (n) VALUES ({n})");
            return n == 13 ? throw new InvalidOperationException("refused") : n;
        }, CancellationToken.None))).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[13]);
        Assert.Equal("refused", failure.Message);
        foreach (var (write, n) in writes.Select((w, n) => (w, n)).Where(p => p.n != 13))
        {
            Assert.Equal(n, await write);
        }

        using var connection = _db.Database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), SUM(n = 13) FROM t";
        using var reader = count.ExecuteReader();
        reader.Read();
        Assert.Equal((199L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task Write_ReturnsOnlyOnceCommitted_SoAnotherConnectionSeesIt()
    {
        await _db.Database.WriteAsync((c, t) => Execute(c, t, "INSERT INTO t (n) VALUES (1)"), CancellationToken.None);

        using var connection = _db.Database.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(1L, read.ExecuteScalar());
    }

    [Fact]
    public async Task Write_CancelledBeforeItRuns_NeverRuns()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _db.Database.WriteAsync((c, t) => Execute(c, t, "INSERT INTO t (n) VALUES (7)"), cancelled.Token));
        await _db.Database.WriteAsync((c, t) => Execute(c, t, "INSERT INTO t (n) VALUES (8)"), CancellationToken.None);

        using var connection = _db.Database.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT group_concat(n) FROM t";
        Assert.Equal("8", read.ExecuteScalar());
    }

    public void Dispose() => _db.Dispose();

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}

using Microsoft.Data.Sqlite;
using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The limits' journal in the gateway's database. Written outside the store's write queue on purpose:
/// limits are checked synchronously on the request path, and SQLite's busy timeout orders the writers.
/// </summary>
public sealed class SqliteLimitJournal(SqliteDatabase db) : ILimitJournal
{
    // Longer than any window a limit looks back on (a UTC day).
    private static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    public IReadOnlyList<LimitEntry> Read(string kind, DateTimeOffset since)
    {
        using var connection = db.Open();
        try
        {
            SqliteCommands.Execute(connection, null, "DELETE FROM limit_entries WHERE at < $cutoff", ("$cutoff", (since - Retention).ToUnixTimeMilliseconds()));
        }
        catch (SqliteException ex) when (SqliteErrors.Translate(ex, db.File) is Core.Storage.StorageFullException)
        {
            // Pruning can wait for space; the entries it would drop are outside every window read below.
        }

        using var command = SqliteCommands.Create(connection, null, "SELECT key, reference, at, count FROM limit_entries WHERE kind = $kind AND at >= $since ORDER BY at",
            ("$kind", kind), ("$since", since.ToUnixTimeMilliseconds()));
        using var reader = command.ExecuteReader();
        var entries = new List<LimitEntry>();
        while (reader.Read())
        {
            entries.Add(new LimitEntry(kind, reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt32(3)));
        }

        return entries;
    }

    public void Append(LimitEntry entry)
    {
        using var connection = db.Open();
        try
        {
            SqliteCommands.Execute(connection, null, "INSERT OR IGNORE INTO limit_entries (kind, key, reference, at, count) VALUES ($kind, $key, $reference, $at, $count)",
                ("$kind", entry.Kind), ("$key", entry.Key), ("$reference", entry.Reference), ("$at", entry.At.ToUnixTimeMilliseconds()), ("$count", entry.Count));
        }
        catch (SqliteException ex) when (SqliteErrors.Translate(ex, db.File) is Core.Storage.StorageFullException full)
        {
            throw full;
        }
    }
}

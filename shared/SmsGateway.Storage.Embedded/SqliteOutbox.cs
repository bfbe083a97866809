using System.Globalization;
using Microsoft.Data.Sqlite;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The outbox on SQLite: one row per item, <c>seq</c> keeps the order within a channel, <c>due_at</c> is
/// both the retry time and, while leased, the end of the lock (as <c>visible_at</c> in the queue table).
/// </summary>
public sealed class SqliteOutbox(SqliteDatabase db, TimeProvider time) : IOutbox
{
    private const int Pending = 0;
    private const int Delivered = 1;
    private const int DeadLettered = 2;

    // Settled without delivery: a later item of the channel carries everything it would have said.
    private const int Superseded = 3;

    public Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Insert(connection, transaction, item), cancellationToken);

    public Task<bool> EnqueueSupersedingAsync(OutboxItem item, string supersededKeyPrefix, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            if (!Insert(connection, transaction, item))
            {
                return false;
            }

            // Never leased (no lock token, no attempt) and still lingering: nobody has it, nobody has seen it.
            Execute(connection, transaction,
                """
                UPDATE outbox SET state = $superseded, settled_at = $now
                WHERE channel = $channel AND state = $pending AND seq < last_insert_rowid() AND lock_token IS NULL AND attempts = 0
                    AND due_at > $now AND substr(dedupe_key, 1, $length) = $prefix
                """,
                ("$superseded", Superseded), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$channel", item.Channel), ("$pending", Pending),
                ("$length", supersededKeyPrefix.Length), ("$prefix", supersededKeyPrefix));
            return true;
        }, cancellationToken);

    public Task<OutboxLease?> LeaseNextAsync(string channel, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.WriteAsync((connection, transaction) =>
        {
            OutboxLease? lease;
            using (var select = Create(connection, transaction,
                "SELECT seq, dedupe_key, payload, attempts, due_at, enqueued_at FROM outbox WHERE channel = $channel AND state = $state ORDER BY seq LIMIT 1",
                ("$channel", channel), ("$state", Pending)))
            using (var reader = select.ExecuteReader())
            {
                if (!reader.Read() || reader.GetInt64(4) > now.ToUnixTimeMilliseconds())
                {
                    return null;
                }

                lease = new OutboxLease(
                    reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                    channel,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    Guid.NewGuid().ToString("N"),
                    now + lockDuration,
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
            }

            Execute(connection, transaction, "UPDATE outbox SET lock_token = $token, due_at = $until WHERE seq = $seq",
                ("$token", lease.LockToken), ("$until", lease.LockedUntil.ToUnixTimeMilliseconds()), ("$seq", lease.Id));
            return lease;
        }, cancellationToken);
    }

    public Task CompleteAsync(OutboxLease lease, CancellationToken cancellationToken) =>
        SettleAsync(lease, "UPDATE outbox SET state = $state, lock_token = NULL, settled_at = $now WHERE seq = $seq AND lock_token = $token AND state = 0",
            cancellationToken, ("$state", Delivered));

    public Task RescheduleAsync(OutboxLease lease, TimeSpan delay, int attempts, string? error, CancellationToken cancellationToken) =>
        SettleAsync(lease, "UPDATE outbox SET lock_token = NULL, due_at = $due, attempts = $attempts, error = $error WHERE seq = $seq AND lock_token = $token AND state = 0",
            cancellationToken, ("$due", (time.GetUtcNow() + delay).ToUnixTimeMilliseconds()), ("$attempts", attempts), ("$error", error));

    public Task DeadLetterAsync(OutboxLease lease, string reason, CancellationToken cancellationToken) =>
        SettleAsync(lease, "UPDATE outbox SET state = $state, lock_token = NULL, settled_at = $now, error = $error WHERE seq = $seq AND lock_token = $token AND state = 0",
            cancellationToken, ("$state", DeadLettered), ("$error", reason));

    public Task<IReadOnlyList<OutboxChannel>> ListPendingChannelsAsync(string channelPrefix, int max, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            """
            SELECT channel, due_at FROM outbox WHERE seq IN (
                SELECT MIN(seq) FROM outbox WHERE state = $state AND substr(channel, 1, $length) = $prefix GROUP BY channel)
            ORDER BY due_at, seq LIMIT $max
            """,
            ("$state", Pending), ("$length", channelPrefix.Length), ("$prefix", channelPrefix), ("$max", max));
        using var reader = command.ExecuteReader();
        var list = new List<OutboxChannel>();
        while (reader.Read())
        {
            list.Add(new OutboxChannel(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        }

        return Task.FromResult<IReadOnlyList<OutboxChannel>>(list);
    }

    public Task<int> CountPendingAsync(string channelPrefix, CancellationToken cancellationToken)
    {
        // A range on channel (not substr) so the (state, channel, seq) index bounds the count to the prefix's
        // rows: the agent's cloud events share this table and may hold a long backlog of their own.
        using var connection = db.Open();
        using var command = channelPrefix.Length == 0
            ? Create(connection, null, "SELECT COUNT(*) FROM outbox WHERE state = $state", ("$state", Pending))
            : Create(connection, null,
                "SELECT COUNT(*) FROM outbox WHERE state = $state AND channel >= $prefix AND channel < $end",
                ("$state", Pending), ("$prefix", channelPrefix), ("$end", PrefixEnd(channelPrefix)));
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public Task<int> PurgeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "DELETE FROM outbox WHERE state <> $state AND settled_at < $cutoff",
            ("$state", Pending), ("$cutoff", settledBefore.ToUnixTimeMilliseconds())), cancellationToken);

    // The first string after every string that starts with the (non-empty) prefix. SQLite compares text by its UTF-8
    // bytes, which order like UTF-16 code units below the surrogates; channel prefixes are ASCII.
    private static string PrefixEnd(string prefix) =>
        string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());

    private bool Insert(SqliteConnection connection, SqliteTransaction transaction, OutboxItem item) =>
        Execute(connection, transaction,
            "INSERT OR IGNORE INTO outbox (channel, dedupe_key, payload, state, due_at, enqueued_at) VALUES ($channel, $key, $payload, $state, $due, $now)",
            ("$channel", item.Channel), ("$key", item.DedupeKey), ("$payload", item.Payload), ("$state", Pending),
            ("$due", item.DueAt.ToUnixTimeMilliseconds()), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())) == 1;

    private Task SettleAsync(OutboxLease lease, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] extra)
    {
        (string, object?)[] parameters = [("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$seq", lease.Id), ("$token", lease.LockToken), .. extra];
        return db.WriteAsync((connection, transaction) => Execute(connection, transaction, sql, parameters) == 1
            ? 0
            : throw new LockLostException($"The lease on outbox item {lease.Id} was lost."), cancellationToken);
    }
}

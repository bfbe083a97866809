using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Serialization;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The queue port on SQLite. A lock is a future <c>visible_at</c> plus a lock token: when the lock
/// expires the item is simply visible again, so a crashed receiver never strands an item.
/// </summary>
public sealed class SqliteOutboundQueue : IOutboundQueue
{
    /// <summary>How long completed item ids are remembered to drop repeated publishes.</summary>
    public static readonly TimeSpan DuplicateDetectionWindow = TimeSpan.FromDays(1);

    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly WakeUpSignal _signal = new();
    private long _nextSeq;

    // Counted as the items move, not with COUNT(*) per request: that scan grows with the queue and
    // made intake slower the more it had accepted. Recounted from the file every minute, since another
    // process (the deadletters command) may move items beside a running agent.
    private long _depth;
    private long _deadLettered;
    private DateTimeOffset _lastPurge;
    private DateTimeOffset _lastRecount;

    public SqliteOutboundQueue(SqliteDatabase db, EmbeddedStorageOptions options, TimeProvider time)
    {
        _db = db;
        _time = time;
        _capacity = options.QueueCapacity;
        using var connection = db.Open();
        _nextSeq = Scalar(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM queue") + 1;
        Recount(connection, null);
        _lastPurge = time.GetUtcNow();
        _lastRecount = _lastPurge;
    }

    /// <summary>
    /// Makes items locked by an earlier run of this process receivable at once. Only the process that
    /// owns the database may call this, at start-up: its locks died with the previous run.
    /// </summary>
    public Task<int> ReleaseLocksOfPreviousRunAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _db.WriteAsync((connection, transaction) => SqliteCommands.Execute(connection, transaction,
            "UPDATE queue SET lock_token = NULL, visible_at = $now WHERE state = 0 AND lock_token IS NOT NULL",
            ("$now", now)), cancellationToken);
    }

    public async Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var visibleAt = (notBefore ?? _time.GetUtcNow()).ToUnixTimeMilliseconds();
        var added = await CountedWriteAsync((connection, transaction) =>
        {
            var fresh = items.Where(i => Scalar(connection, transaction, "SELECT COUNT(*) FROM queue WHERE item_id = $id", ("$id", i.ItemId)) == 0)
                .DistinctBy(i => i.ItemId)
                .ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            if (Interlocked.Read(ref _depth) + fresh.Count > _capacity)
            {
                throw new QueueFullException(TimeSpan.FromSeconds(5));
            }

            foreach (var item in fresh)
            {
                SqliteCommands.Execute(connection, transaction,
                    "INSERT INTO queue (item_id, seq, priority, state, visible_at, body) VALUES ($id, $seq, $priority, 0, $visible, $body)",
                    ("$id", item.ItemId),
                    ("$seq", _nextSeq++),
                    ("$priority", item.Priority == MessagePriority.High ? 1 : 0),
                    ("$visible", visibleAt),
                    ("$body", JsonSerializer.Serialize(item, CoreJsonContext.Default.QueueItem)));
            }

            Interlocked.Add(ref _depth, fresh.Count);
            return fresh.Count;
        }, cancellationToken);

        if (added > 0)
        {
            _signal.Pulse();
        }

        return added;
    }

    public async Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + maxWait;
        while (true)
        {
            var wakeUp = _signal.Current;
            var (lease, nextVisible) = await TryReceiveAsync(lockDuration, cancellationToken);
            if (lease is not null)
            {
                return lease;
            }

            var now = _time.GetUtcNow();
            if (now >= deadline)
            {
                return null;
            }

            var wait = deadline - now;
            if (nextVisible is { } next && next - now < wait)
            {
                wait = next - now;
            }

            await PurgeIfDueAsync(now, cancellationToken);
            await _signal.WaitAsync(wakeUp, wait, _time, cancellationToken);
        }
    }

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) =>
        SettleAsync(lease, "UPDATE queue SET state = 1, lock_token = NULL, settled_at = $now WHERE item_id = $id AND lock_token = $token AND state = 0", deadLettered: false, cancellationToken);

    public async Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visible = (_time.GetUtcNow() + delay).ToUnixTimeMilliseconds();
        await _db.WriteAsync((connection, transaction) =>
        {
            var changed = SqliteCommands.Execute(connection, transaction,
                "UPDATE queue SET lock_token = NULL, visible_at = $visible WHERE item_id = $id AND lock_token = $token AND state = 0",
                ("$visible", visible), ("$id", lease.ItemId), ("$token", lease.LockToken));
            return changed == 1 ? 0 : throw new LockLostException($"The lock on queue item {lease.ItemId} was lost.");
        }, cancellationToken);
        _signal.Pulse();
    }

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) =>
        SettleAsync(lease,
            "UPDATE queue SET state = 2, lock_token = NULL, settled_at = $now, reason = $reason, description = $description WHERE item_id = $id AND lock_token = $token AND state = 0",
            deadLettered: true,
            cancellationToken,
            ("$reason", reason),
            ("$description", description));

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        using var connection = _db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, body, reason, description, delivery_count, settled_at FROM queue WHERE state = 2 ORDER BY settled_at DESC, seq DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var list = new List<DeadLetter>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new DeadLetter(
                reader.GetString(0),
                JsonSerializer.Deserialize(reader.GetString(1), CoreJsonContext.Default.QueueItem)!,
                reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return Task.FromResult<IReadOnlyList<DeadLetter>>(list);
    }

    public async Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var replayed = await CountedWriteAsync((connection, transaction) =>
        {
            var changed = SqliteCommands.Execute(connection, transaction,
                "UPDATE queue SET state = 0, delivery_count = 0, visible_at = $now, seq = $seq, settled_at = NULL, lock_token = NULL WHERE item_id = $id AND state = 2",
                ("$now", now), ("$seq", _nextSeq++), ("$id", itemId)) == 1;
            if (changed)
            {
                Interlocked.Increment(ref _depth);
                Interlocked.Decrement(ref _deadLettered);
            }

            return changed;
        }, cancellationToken);
        if (replayed)
        {
            _signal.Pulse();
        }

        return replayed;
    }

    public long? Capacity => _capacity;

    public Task<QueueCounts> CountAsync(CancellationToken cancellationToken)
    {
        return Task.FromResult(new QueueCounts(Interlocked.Read(ref _depth), Interlocked.Read(ref _deadLettered), _capacity));
    }

    private Task<(QueueLease? Lease, DateTimeOffset? NextVisible)> TryReceiveAsync(TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _db.WriteAsync<(QueueLease?, DateTimeOffset?)>((connection, transaction) =>
        {
            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = "SELECT item_id, body, delivery_count FROM queue WHERE state = 0 AND visible_at <= $now ORDER BY priority DESC, seq LIMIT 1";
            select.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            using (var reader = select.ExecuteReader())
            {
                if (reader.Read())
                {
                    var itemId = reader.GetString(0);
                    var body = JsonSerializer.Deserialize(reader.GetString(1), CoreJsonContext.Default.QueueItem)!;
                    var deliveries = reader.GetInt32(2) + 1;
                    reader.Close();
                    var token = Guid.NewGuid().ToString("N");
                    var lockedUntil = now + lockDuration;
                    SqliteCommands.Execute(connection, transaction,
                        "UPDATE queue SET lock_token = $token, visible_at = $until, delivery_count = $count WHERE item_id = $id",
                        ("$token", token), ("$until", lockedUntil.ToUnixTimeMilliseconds()), ("$count", deliveries), ("$id", itemId));
                    return (new QueueLease(itemId, token, body, deliveries, lockedUntil), null);
                }
            }

            var next = Scalar(connection, transaction, "SELECT COALESCE(MIN(visible_at), -1) FROM queue WHERE state = 0");
            return (null, next < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(next));
        }, cancellationToken);
    }

    private Task SettleAsync(QueueLease lease, string sql, bool deadLettered, CancellationToken cancellationToken, params (string Name, object Value)[] extra)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        (string, object?)[] parameters = [("$now", now), ("$id", lease.ItemId), ("$token", lease.LockToken), .. extra];
        return CountedWriteAsync((connection, transaction) =>
        {
            if (SqliteCommands.Execute(connection, transaction, sql, parameters) != 1)
            {
                throw new LockLostException($"The lock on queue item {lease.ItemId} was lost.");
            }

            if (Interlocked.Decrement(ref _depth) < 0)
            {
                // Another process moved items (a replay beside the agent) since the last recount; read the truth now.
                Recount(connection, transaction);
            }

            if (deadLettered)
            {
                Interlocked.Increment(ref _deadLettered);
            }

            return 0;
        }, cancellationToken);
    }

    /// <summary>A write that moves the counts; if it fails at the database, the counts are read again.</summary>
    private async Task<T> CountedWriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        try
        {
            return await _db.WriteAsync(work, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or Core.Storage.StorageFullException)
        {
            // A failed group commit undoes counted work too; recounting inside a write sees exactly what is committed.
            await _db.WriteAsync((connection, transaction) =>
            {
                Recount(connection, transaction);
                return 0;
            }, CancellationToken.None);
            throw;
        }
    }

    private void Recount(SqliteConnection connection, SqliteTransaction? transaction)
    {
        Interlocked.Exchange(ref _depth, Scalar(connection, transaction, "SELECT COUNT(*) FROM queue WHERE state = 0"));
        Interlocked.Exchange(ref _deadLettered, Scalar(connection, transaction, "SELECT COUNT(*) FROM queue WHERE state = 2"));
    }

    private async Task PurgeIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _lastRecount >= TimeSpan.FromMinutes(1))
        {
            // Another process may have moved items (`deadletters replay` beside a running agent): the counts
            // kept in memory are set right from the file now and then.
            _lastRecount = now;
            await _db.WriteAsync((connection, transaction) =>
            {
                Recount(connection, transaction);
                return 0;
            }, cancellationToken);
        }

        if (now - _lastPurge < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastPurge = now;
        var cutoff = (now - DuplicateDetectionWindow).ToUnixTimeMilliseconds();
        await _db.WriteAsync((connection, transaction) =>
            SqliteCommands.Execute(connection, transaction, "DELETE FROM queue WHERE state = 1 AND settled_at < $cutoff", ("$cutoff", cutoff)), cancellationToken);
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = SqliteCommands.Create(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

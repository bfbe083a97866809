using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmsGateway.Core.Webhooks;
using static SmsGateway.Storage.Embedded.SqliteCommands;
using static SmsGateway.Storage.Embedded.SqliteWebhookEvents;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The webhook port on SQLite. An endpoint is one JSON document (with its type list beside it for matching); an event is
/// stored once with its exact body, and each endpoint's delivery of it is a row of <c>webhook_deliveries</c>, whose
/// <c>due_at</c> is both the next attempt and, while leased, the end of the lock (as in the outbox table).
/// </summary>
public sealed class SqliteWebhookStore(SqliteDatabase db, TimeProvider time) : IWebhookStore
{
    public Task<bool> AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            """
            INSERT OR IGNORE INTO webhook_endpoints (id, seq, events, enabled, from_config, doc)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM webhook_endpoints), $events, $enabled, $config, $doc)
            """,
            EndpointColumns(endpoint)) == 1, cancellationToken);

    public Task SyncConfiguredEndpointsAsync(IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            var keep = endpoints.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in ConfiguredIds(connection, transaction).Where(id => !keep.Contains(id)))
            {
                Delete(connection, transaction, id);
            }

            foreach (var endpoint in endpoints)
            {
                // Kept: a disabled state and a rotation live in the database; the file says where and what.
                var stored = Read(connection, transaction, endpoint.Id);
                var merged = stored is null ? endpoint : endpoint with { DisabledReason = stored.DisabledReason, CreatedAt = stored.CreatedAt };
                Execute(connection, transaction,
                    """
                    INSERT INTO webhook_endpoints (id, seq, events, enabled, from_config, doc)
                    VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM webhook_endpoints), $events, $enabled, $config, $doc)
                    ON CONFLICT (id) DO UPDATE SET events = $events, enabled = $enabled, doc = $doc
                    """,
                    EndpointColumns(merged));
            }

            return 0;
        }, cancellationToken);

    public Task<WebhookEndpoint?> GetEndpointAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        return Task.FromResult(Read(connection, null, id));
    }

    public Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null, "SELECT doc FROM webhook_endpoints ORDER BY seq");
        using var reader = command.ExecuteReader();
        var list = new List<WebhookEndpoint>();
        while (reader.Read())
        {
            list.Add(Parse(reader.GetString(0)));
        }

        return Task.FromResult<IReadOnlyList<WebhookEndpoint>>(list);
    }

    public Task<bool> UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            var updated = Execute(connection, transaction,
                "UPDATE webhook_endpoints SET events = $events, enabled = $enabled, doc = $doc WHERE id = $id",
                EndpointColumns(endpoint)) == 1;
            if (updated && !endpoint.Enabled)
            {
                // A disabled endpoint gets nothing more: what waited for it is kept as failed, to replay once it is back.
                Execute(connection, transaction,
                    "UPDATE webhook_deliveries SET state = $failed, lock_token = NULL, last_error = $error WHERE endpoint_id = $id AND state = $pending",
                    ("$failed", Failed), ("$error", "endpoint disabled: " + endpoint.DisabledReason), ("$id", endpoint.Id), ("$pending", Pending));
            }

            return updated;
        }, cancellationToken);

    public Task<bool> DeleteEndpointAsync(string id, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Delete(connection, transaction, id), cancellationToken);

    public Task AppendAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            Insert(connection, transaction, events);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<WebhookDeliveryLease>> LeaseDueAsync(string endpointId, int max, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.WriteAsync<IReadOnlyList<WebhookDeliveryLease>>((connection, transaction) =>
        {
            var leases = new List<(long Seq, WebhookDeliveryLease Lease)>();
            using (var select = Create(connection, transaction,
                """
                SELECT d.seq, d.event_id, e.type, e.body, d.attempts, d.retries_since
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE d.endpoint_id = $endpoint AND d.state = $pending AND d.due_at <= $now
                    AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                        WHERE p.endpoint_id = d.endpoint_id AND p.subject = d.subject AND p.state = $pending AND p.seq < d.seq)
                ORDER BY d.seq LIMIT $max
                """,
                ("$endpoint", endpointId), ("$pending", Pending), ("$now", now.ToUnixTimeMilliseconds()), ("$max", max)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    leases.Add((reader.GetInt64(0), new WebhookDeliveryLease(
                        endpointId, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), Guid.NewGuid().ToString("N"), now + lockDuration)));
                }
            }

            foreach (var (seq, lease) in leases)
            {
                Execute(connection, transaction, "UPDATE webhook_deliveries SET lock_token = $token, due_at = $until WHERE seq = $seq",
                    ("$token", lease.LockToken), ("$until", lease.LockedUntil.ToUnixTimeMilliseconds()), ("$seq", seq));
            }

            return leases.Select(l => l.Lease).ToList();
        }, cancellationToken);
    }

    public Task ReleaseLeasesAsync(CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "UPDATE webhook_deliveries SET lock_token = NULL, due_at = $now WHERE state = $pending AND lock_token IS NOT NULL",
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$pending", Pending)), cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string endpointId, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            "SELECT MIN(due_at) FROM webhook_deliveries WHERE endpoint_id = $endpoint AND state = $pending",
            ("$endpoint", endpointId), ("$pending", Pending));
        var value = command.ExecuteScalar();
        return Task.FromResult<DateTimeOffset?>(value is long due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null);
    }

    public Task<bool> CompleteAsync(WebhookDeliveryLease lease, CancellationToken cancellationToken) =>
        Settle(lease, "state = $delivered, delivered_at = $now", cancellationToken,
            ("$delivered", Delivered), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));

    public Task<bool> RescheduleAsync(WebhookDeliveryLease lease, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Settle(lease, "due_at = $due, attempts = attempts + 1, last_error = $error", cancellationToken,
            ("$due", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", error));

    public Task<bool> FailAsync(WebhookDeliveryLease lease, string error, CancellationToken cancellationToken) =>
        Settle(lease, "state = $failed, attempts = attempts + 1, last_error = $error", cancellationToken,
            ("$failed", Failed), ("$error", error));

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string endpointId, WebhookDeliveryState? state, int limit, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            """
            SELECT d.event_id, e.type, d.state, d.attempts, e.created_at, d.due_at, d.last_error, d.delivered_at
            FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.endpoint_id = $endpoint AND ($state IS NULL OR d.state = $state)
            ORDER BY d.seq DESC LIMIT $limit
            """,
            ("$endpoint", endpointId), ("$state", state is { } s ? (int)s : null), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var list = new List<WebhookDelivery>();
        while (reader.Read())
        {
            var deliveryState = (WebhookDeliveryState)reader.GetInt32(2);
            list.Add(new WebhookDelivery
            {
                EndpointId = endpointId,
                EventId = reader.GetString(0),
                Type = reader.GetString(1),
                State = deliveryState,
                Attempts = reader.GetInt32(3),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                NextAttemptAt = deliveryState == WebhookDeliveryState.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)) : null,
                LastError = ReadNullableString(reader, 6),
                DeliveredAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            });
        }

        return Task.FromResult<IReadOnlyList<WebhookDelivery>>(list);
    }

    public Task<bool> ReplayAsync(string endpointId, string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            """
            UPDATE webhook_deliveries SET state = $pending, due_at = $now, retries_since = $now, lock_token = NULL
            WHERE endpoint_id = $endpoint AND event_id = $event
            """,
            ("$pending", Pending), ("$now", now), ("$endpoint", endpointId), ("$event", eventId)) == 1, cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            var purged = Execute(connection, transaction,
                "DELETE FROM webhook_deliveries WHERE state = $delivered AND delivered_at < $cutoff",
                ("$delivered", Delivered), ("$cutoff", deliveredBefore.ToUnixTimeMilliseconds()));
            Execute(connection, transaction,
                "DELETE FROM webhook_events WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id)");
            return purged;
        }, cancellationToken);

    public Task<IReadOnlyList<WebhookBacklog>> CountDeliveriesAsync(CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            """
            SELECT endpoint_id, SUM(state = $pending), SUM(state = $pending AND attempts > 0), SUM(state = $failed)
            FROM webhook_deliveries WHERE state <> $delivered GROUP BY endpoint_id ORDER BY endpoint_id
            """,
            ("$pending", Pending), ("$failed", Failed), ("$delivered", Delivered));
        using var reader = command.ExecuteReader();
        var counts = new List<WebhookBacklog>();
        while (reader.Read())
        {
            counts.Add(new WebhookBacklog(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return Task.FromResult<IReadOnlyList<WebhookBacklog>>(counts);
    }

    private Task<bool> Settle(WebhookDeliveryLease lease, string set, CancellationToken cancellationToken, params (string Name, object? Value)[] extra)
    {
        (string, object?)[] parameters = [("$endpoint", lease.EndpointId), ("$event", lease.EventId), ("$token", lease.LockToken), ("$pending", Pending), .. extra];
        return db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            $"UPDATE webhook_deliveries SET {set}, lock_token = NULL WHERE endpoint_id = $endpoint AND event_id = $event AND lock_token = $token AND state = $pending",
            parameters) == 1, cancellationToken);
    }

    private static bool Delete(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        Execute(connection, transaction, "DELETE FROM webhook_deliveries WHERE endpoint_id = $id", ("$id", id));
        return Execute(connection, transaction, "DELETE FROM webhook_endpoints WHERE id = $id", ("$id", id)) == 1;
    }

    private static List<string> ConfiguredIds(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Create(connection, transaction, "SELECT id FROM webhook_endpoints WHERE from_config = 1");
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static WebhookEndpoint? Read(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = Create(connection, transaction, "SELECT doc FROM webhook_endpoints WHERE id = $id", ("$id", id));
        return command.ExecuteScalar() is string doc ? Parse(doc) : null;
    }

    private static WebhookEndpoint Parse(string doc) => JsonSerializer.Deserialize(doc, WebhookJsonContext.Default.WebhookEndpoint)!;

    private static (string, object?)[] EndpointColumns(WebhookEndpoint endpoint) =>
    [
        ("$id", endpoint.Id),
        ("$events", EventsColumn(endpoint.Events)),
        ("$enabled", endpoint.Enabled ? 1 : 0),
        ("$config", endpoint.FromConfiguration ? 1 : 0),
        ("$doc", JsonSerializer.Serialize(endpoint, WebhookJsonContext.Default.WebhookEndpoint)),
    ];
}

using System.Globalization;
using System.Text.Json;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Serialization;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The store port on SQLite: each message is one JSON document with an integer ETag; the
/// idempotency key and the message are written in one transaction, and so are an update and the webhook events it reports.
/// </summary>
public sealed class SqliteMessageStore(SqliteDatabase db, TimeProvider time) : IMessageStore
{
    public Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            if (claim is not null)
            {
                using var insertKey = SqliteCommands.Create(connection, transaction,
                    "INSERT OR IGNORE INTO idempotency_keys (key, request_hash, message_id, created_at) VALUES ($key, $hash, $id, $now)",
                    ("$key", claim.Key), ("$hash", claim.RequestHash), ("$id", message.Id), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
                if (insertKey.ExecuteNonQuery() == 0)
                {
                    using var existing = SqliteCommands.Create(connection, transaction,
                        "SELECT message_id, request_hash FROM idempotency_keys WHERE key = $key", ("$key", claim.Key));
                    using var reader = existing.ExecuteReader();
                    reader.Read();
                    return CreateOutcome.Duplicate(reader.GetString(0), reader.GetString(1));
                }
            }

            using var insert = SqliteCommands.Create(connection, transaction,
                "INSERT INTO messages (id, etag, statuses, doc) VALUES ($id, 1, $statuses, $doc)",
                ("$id", message.Id), ("$statuses", Statuses(message)), ("$doc", Serialize(message)));
            insert.ExecuteNonQuery();
            return CreateOutcome.New;
        }, cancellationToken);

    public Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = SqliteCommands.Create(connection, null, "SELECT message_id, request_hash FROM idempotency_keys WHERE key = $key", ("$key", key));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new CreateOutcome.KeyClaimed(reader.GetString(0), reader.GetString(1)) : null);
    }

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = SqliteCommands.Create(connection, null, "SELECT etag, doc FROM messages WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<StoredMessage?>(null);
        }

        var message = JsonSerializer.Deserialize(reader.GetString(1), CoreJsonContext.Default.Message)!;
        return Task.FromResult<StoredMessage?>(new StoredMessage(message, reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)));
    }

    public Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            throw new ConcurrencyConflictException($"'{etag}' is not an ETag of this store.");
        }

        return db.WriteAsync((connection, transaction) =>
        {
            using var update = SqliteCommands.Create(connection, transaction,
                "UPDATE messages SET etag = etag + 1, statuses = $statuses, doc = $doc WHERE id = $id AND etag = $etag",
                ("$statuses", Statuses(message)), ("$doc", Serialize(message)), ("$id", message.Id), ("$etag", expected));
            if (update.ExecuteNonQuery() != 1)
            {
                throw new ConcurrencyConflictException($"Message {message.Id} was changed by someone else.");
            }

            SqliteWebhookEvents.Insert(connection, transaction, events);
            return (expected + 1).ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = SqliteCommands.Create(connection, null,
            "SELECT id FROM messages WHERE statuses LIKE $pattern ORDER BY id LIMIT $max",
            ("$pattern", $"%|{status}|%"), ("$max", max));
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    // "|Queued|Sent|": lets the recovery scan find messages by destination status without parsing documents.
    private static string Statuses(Message message) => "|" + string.Join('|', message.Destinations.Select(d => d.Status).Distinct()) + "|";

    private static string Serialize(Message message) => JsonSerializer.Serialize(message, CoreJsonContext.Default.Message);
}

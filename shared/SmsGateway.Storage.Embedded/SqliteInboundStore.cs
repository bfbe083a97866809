using Microsoft.Data.Sqlite;
using SmsGateway.Core.Receiving.Inbound;
using static SmsGateway.Storage.Embedded.SqliteCommands;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The inbound store port on SQLite: one row per part, set and message. Every write is its own
/// committed transaction, so it is durable (WAL, synchronous as configured) when the call returns.
/// </summary>
public sealed class SqliteInboundStore(SqliteDatabase db) : IInboundStore
{
    private const string PartColumns = "id, set_key, set_id, message_id, fragment_of, sender, sent_at, received_at, part_number, part_count, text, pdu, truncated";
    private const string SetColumns = "id, set_key, sender, part_count, opened_at, sent_at, state, message_id, included_parts";
    private const string MessageColumns = "id, sender, sent_at, received_at, text, parts, missing_parts, fragment_of, truncated";

    public Task<InboundPartRecord?> GetPartAsync(string setKey, string partId, CancellationToken cancellationToken) =>
        Task.FromResult(Query($"SELECT {PartColumns} FROM inbound_parts WHERE id = $id", ReadPart, ("$id", partId)).FirstOrDefault());

    public Task<bool> AddPartAsync(InboundPartRecord part, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            $"INSERT OR IGNORE INTO inbound_parts ({PartColumns}) VALUES ($id, $key, $set, $message, $fragment, $sender, $sent, $received, $number, $count, $text, $pdu, $truncated)",
            ("$id", part.Id), ("$key", part.SetKey), ("$set", part.SetId), ("$message", part.MessageId), ("$fragment", part.FragmentOf),
            ("$sender", part.Sender), ("$sent", Time(part.SentAt)), ("$received", Time(part.ReceivedAt)),
            ("$number", part.PartNumber), ("$count", part.PartCount), ("$text", part.Text), ("$pdu", part.Pdu), ("$truncated", part.Truncated ? 1 : 0)) == 1, cancellationToken);

    public Task<IReadOnlyList<InboundPartRecord>> ListSetPartsAsync(string setKey, string setId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboundPartRecord>>(Query(
            $"SELECT {PartColumns} FROM inbound_parts WHERE set_id = $set ORDER BY part_number, received_at", ReadPart, ("$set", setId)));

    public Task SaveSetAsync(InboundSet set, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            $"INSERT OR REPLACE INTO inbound_sets ({SetColumns}) VALUES ($id, $key, $sender, $count, $opened, $sent, $state, $message, $included)",
            ("$id", set.Id), ("$key", set.Key), ("$sender", set.Sender), ("$count", set.PartCount), ("$opened", Time(set.OpenedAt)),
            ("$sent", Time(set.SentAt)), ("$state", (int)set.State), ("$message", set.MessageId), ("$included", Numbers(set.IncludedParts))), cancellationToken);

    public Task<InboundSet?> FindLatestSetAsync(string setKey, CancellationToken cancellationToken) =>
        Task.FromResult(Query($"SELECT {SetColumns} FROM inbound_sets WHERE set_key = $key ORDER BY id DESC LIMIT 1", ReadSet, ("$key", setKey)).FirstOrDefault());

    public Task<IReadOnlyList<InboundSet>> ListUnreleasedSetsAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboundSet>>(Query(
            $"SELECT {SetColumns} FROM inbound_sets WHERE state <> $released ORDER BY id LIMIT $max", ReadSet,
            ("$released", (int)InboundSetState.Released), ("$max", max)));

    public Task<bool> AddMessageAsync(InboundMessage message, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            var added = Execute(connection, transaction,
                $"INSERT OR IGNORE INTO inbound_messages ({MessageColumns}) VALUES ($id, $sender, $sent, $received, $text, $parts, $missing, $fragment, $truncated)",
                ("$id", message.Id), ("$sender", message.Sender), ("$sent", Time(message.SentAt)), ("$received", Time(message.ReceivedAt)),
                ("$text", message.Text), ("$parts", message.Parts), ("$missing", Numbers(message.MissingParts)), ("$fragment", message.FragmentOf), ("$truncated", message.Truncated ? 1 : 0)) == 1;
            if (added)
            {
                SqliteWebhookEvents.Insert(connection, transaction, events);
            }

            return added;
        }, cancellationToken);

    public Task<InboundMessage?> GetMessageAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Query($"SELECT {MessageColumns} FROM inbound_messages WHERE id = $id", ReadMessage, ("$id", id)).FirstOrDefault());

    public Task<InboundPage> ListMessagesAsync(string? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // One more than asked tells whether another page follows.
        var rows = before is null
            ? Query($"SELECT {MessageColumns} FROM inbound_messages ORDER BY id DESC LIMIT $take", ReadMessage, ("$take", limit + 1))
            : Query($"SELECT {MessageColumns} FROM inbound_messages WHERE id < $before ORDER BY id DESC LIMIT $take", ReadMessage, ("$before", before), ("$take", limit + 1));
        var items = rows.Take(limit).ToList();
        return Task.FromResult(new InboundPage(items, rows.Count > limit ? items[^1].Id : null));
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = db.Open();
        using var command = Create(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static InboundPartRecord ReadPart(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        SetKey = r.GetString(1),
        SetId = ReadNullableString(r, 2),
        MessageId = ReadNullableString(r, 3),
        FragmentOf = ReadNullableString(r, 4),
        Sender = r.GetString(5),
        SentAt = ReadTime(r, 6),
        ReceivedAt = ReadTime(r, 7),
        PartNumber = r.GetInt32(8),
        PartCount = r.GetInt32(9),
        Text = r.GetString(10),
        Pdu = r.GetString(11),
        Truncated = r.GetInt64(12) != 0,
    };

    private static InboundSet ReadSet(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Key = r.GetString(1),
        Sender = r.GetString(2),
        PartCount = r.GetInt32(3),
        OpenedAt = ReadTime(r, 4),
        SentAt = ReadTime(r, 5),
        State = (InboundSetState)r.GetInt32(6),
        MessageId = ReadNullableString(r, 7),
        IncludedParts = ReadNumbers(r, 8),
    };

    private static InboundMessage ReadMessage(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Sender = r.GetString(1),
        SentAt = ReadTime(r, 2),
        ReceivedAt = ReadTime(r, 3),
        Text = r.GetString(4),
        Parts = r.GetInt32(5),
        MissingParts = ReadNumbers(r, 6),
        FragmentOf = ReadNullableString(r, 7),
        Truncated = r.GetInt64(8) != 0,
    };
}

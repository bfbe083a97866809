using SmsGateway.Core.Receiving.Bridge;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>The chat update inbox on SQLite: the update id is the primary key, so a repeated update is ignored.</summary>
public sealed class SqliteChatInbox(SqliteDatabase db, TimeProvider time) : IChatInbox
{
    public Task<bool> AddAsync(ChatUpdate update, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "INSERT OR IGNORE INTO chat_updates (update_id, payload, received_at, processed) VALUES ($id, $payload, $received, 0)",
            ("$id", update.UpdateId), ("$payload", update.Payload), ("$received", update.ReceivedAt.ToUnixTimeMilliseconds())) == 1, cancellationToken);

    public Task<IReadOnlyList<ChatUpdate>> ListPendingAsync(int max, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            "SELECT update_id, payload, received_at FROM chat_updates WHERE processed = 0 ORDER BY update_id LIMIT $max", ("$max", max));
        using var reader = command.ExecuteReader();
        var list = new List<ChatUpdate>();
        while (reader.Read())
        {
            list.Add(new ChatUpdate(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return Task.FromResult<IReadOnlyList<ChatUpdate>>(list);
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null, "SELECT COUNT(*) FROM chat_updates WHERE processed = 0");
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "UPDATE chat_updates SET processed = 1 WHERE update_id = $id", ("$id", updateId)), cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "DELETE FROM chat_updates WHERE processed = 1 AND received_at < $cutoff",
            ("$cutoff", Math.Min(recordedBefore.ToUnixTimeMilliseconds(), time.GetUtcNow().ToUnixTimeMilliseconds()))), cancellationToken);
}

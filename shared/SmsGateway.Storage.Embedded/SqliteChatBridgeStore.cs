using SmsGateway.Core.Receiving.Bridge;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>The chat bridge's memory on SQLite: forwarded SMS, the bot's posts and refusal times.</summary>
public sealed class SqliteChatBridgeStore(SqliteDatabase db) : IChatBridgeStore
{
    public Task SaveForwardAsync(ForwardedSms forward, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "INSERT OR REPLACE INTO chat_forwards (chat_id, message_id, sender, inbound_message_id) VALUES ($chat, $message, $sender, $inbound)",
            ("$chat", forward.ChatId), ("$message", forward.MessageId), ("$sender", forward.Sender), ("$inbound", forward.InboundMessageId)), cancellationToken);

    public Task<ForwardedSms?> FindForwardAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            "SELECT sender, inbound_message_id FROM chat_forwards WHERE chat_id = $chat AND message_id = $message",
            ("$chat", chatId), ("$message", messageId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new ForwardedSms(chatId, messageId, reader.GetString(0), reader.GetString(1)) : null);
    }

    public Task SavePostAsync(ChatPost post, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "INSERT OR REPLACE INTO chat_posts (key, chat_id, message_id, text) VALUES ($key, $chat, $message, $text)",
            ("$key", post.Key), ("$chat", post.ChatId), ("$message", post.MessageId), ("$text", post.Text)), cancellationToken);

    public Task<ChatPost?> FindPostAsync(string key, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null, "SELECT chat_id, message_id, text FROM chat_posts WHERE key = $key", ("$key", key));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new ChatPost(key, reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)) : null);
    }

    public Task<bool> TryStartRefusalAsync(long chatId, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            """
            INSERT INTO chat_refusals (chat_id, refused_at) VALUES ($chat, $now)
            ON CONFLICT (chat_id) DO UPDATE SET refused_at = excluded.refused_at WHERE refused_at <= $cutoff
            """,
            ("$chat", chatId), ("$now", now.ToUnixTimeMilliseconds()), ("$cutoff", (now - interval).ToUnixTimeMilliseconds())) == 1, cancellationToken);
}

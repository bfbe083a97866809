namespace SmsGateway.Storage.Embedded;

/// <summary>The database schema; every statement is idempotent so start-up can always run it.</summary>
internal static class Schema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS messages (
            id TEXT PRIMARY KEY,
            etag INTEGER NOT NULL,
            statuses TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            message_id TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS queue (
            item_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            priority INTEGER NOT NULL,
            state INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            lock_token TEXT,
            delivery_count INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL,
            reason TEXT,
            description TEXT,
            settled_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS queue_ready ON queue (state, priority DESC, seq);
        CREATE INDEX IF NOT EXISTS queue_settled ON queue (state, settled_at);
        """;
}

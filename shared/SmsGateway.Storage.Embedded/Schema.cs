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
        CREATE TABLE IF NOT EXISTS inbound_parts (
            id TEXT PRIMARY KEY,
            set_key TEXT NOT NULL,
            set_id TEXT,
            message_id TEXT,
            fragment_of TEXT,
            sender TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            part_number INTEGER NOT NULL,
            part_count INTEGER NOT NULL,
            text TEXT NOT NULL,
            pdu TEXT NOT NULL,
            truncated INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS inbound_parts_set ON inbound_parts (set_id);
        CREATE TABLE IF NOT EXISTS inbound_sets (
            id TEXT PRIMARY KEY,
            set_key TEXT NOT NULL,
            sender TEXT NOT NULL,
            part_count INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            state INTEGER NOT NULL,
            message_id TEXT,
            included_parts TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS inbound_sets_key ON inbound_sets (set_key, id);
        CREATE INDEX IF NOT EXISTS inbound_sets_state ON inbound_sets (state, id);
        CREATE TABLE IF NOT EXISTS inbound_messages (
            id TEXT PRIMARY KEY,
            sender TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            text TEXT NOT NULL,
            parts INTEGER NOT NULL,
            missing_parts TEXT NOT NULL,
            fragment_of TEXT,
            truncated INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS part_references (
            recipient TEXT NOT NULL,
            reference INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            destination_index INTEGER NOT NULL,
            part_index INTEGER NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY (recipient, reference, message_id, destination_index, part_index)
        );
        CREATE INDEX IF NOT EXISTS part_references_sent ON part_references (sent_at);
        CREATE TABLE IF NOT EXISTS pending_delivery_reports (
            id TEXT PRIMARY KEY,
            recipient TEXT NOT NULL,
            reference INTEGER NOT NULL,
            delivered INTEGER NOT NULL,
            is_final INTEGER NOT NULL,
            status INTEGER NOT NULL,
            discharge_time TEXT NOT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            dedupe_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            state INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            lock_token TEXT,
            enqueued_at INTEGER NOT NULL,
            settled_at INTEGER,
            error TEXT,
            UNIQUE (channel, dedupe_key)
        );
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (state, channel, seq);
        CREATE TABLE IF NOT EXISTS chat_updates (
            update_id INTEGER PRIMARY KEY,
            payload TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            processed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS chat_updates_pending ON chat_updates (processed, update_id);
        CREATE TABLE IF NOT EXISTS chat_forwards (
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            sender TEXT NOT NULL,
            inbound_message_id TEXT NOT NULL,
            PRIMARY KEY (chat_id, message_id)
        );
        CREATE TABLE IF NOT EXISTS chat_posts (
            key TEXT PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        DROP TABLE IF EXISTS limit_entries;
        CREATE TABLE IF NOT EXISTS storage_probe (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS chat_refusals (
            chat_id INTEGER PRIMARY KEY,
            refused_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS webhook_endpoints (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            events TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            from_config INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS webhook_events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            subject TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            endpoint_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            state INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            lock_token TEXT,
            retries_since INTEGER NOT NULL,
            last_error TEXT,
            delivered_at INTEGER,
            UNIQUE (endpoint_id, event_id)
        );
        CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (endpoint_id, state, seq);
        CREATE INDEX IF NOT EXISTS webhook_deliveries_subject ON webhook_deliveries (endpoint_id, subject, state, seq);
        """;

    /// <summary>
    /// Columns added after their table was first shipped: a database made before them gets them at start (with their
    /// default, so a gateway of an earlier version still reads and writes its rows).
    /// </summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("inbound_parts", "truncated", "INTEGER NOT NULL DEFAULT 0"),
        ("inbound_messages", "truncated", "INTEGER NOT NULL DEFAULT 0"),
    ];
}

using Microsoft.Data.Sqlite;
using SmsGateway.Core.Webhooks;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// Writes events inside a caller's transaction: the event row, and one pending delivery per enabled endpoint that
/// wants its type. An event no endpoint wants is not stored at all (there is nobody to replay it to).
/// </summary>
internal static class SqliteWebhookEvents
{
    public const int Pending = 0;
    public const int Delivered = 1;
    public const int Failed = 2;

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<WebhookEvent> events)
    {
        foreach (var item in events)
        {
            var at = item.Timestamp.ToUnixTimeMilliseconds();
            var deliveries = Execute(connection, transaction,
                """
                INSERT OR IGNORE INTO webhook_deliveries (endpoint_id, event_id, subject, state, due_at, retries_since)
                SELECT id, $event, $subject, $pending, $at, $at FROM webhook_endpoints
                WHERE enabled = 1 AND (instr(events, '|*|') > 0 OR instr(events, $type) > 0)
                """,
                ("$event", item.Id), ("$subject", item.Subject), ("$pending", Pending), ("$at", at), ("$type", "|" + item.Type + "|"));
            if (deliveries > 0)
            {
                Execute(connection, transaction,
                    "INSERT OR IGNORE INTO webhook_events (id, type, subject, created_at, body) VALUES ($id, $type, $subject, $at, $body)",
                    ("$id", item.Id), ("$type", item.Type), ("$subject", item.Subject), ("$at", at),
                    ("$body", WebhookBody.Of(item)));
            }
        }
    }

    /// <summary>The endpoint's event types as stored for matching in SQL: <c>|message.sent|sms.received|</c>.</summary>
    public static string EventsColumn(IEnumerable<string> types) => "|" + string.Join('|', types) + "|";
}

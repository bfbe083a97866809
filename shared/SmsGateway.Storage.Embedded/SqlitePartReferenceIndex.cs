using SmsGateway.Core.Sending.DeliveryReports;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>The part reference index on SQLite: one row per sent part, looked up by recipient and reference.</summary>
public sealed class SqlitePartReferenceIndex(SqliteDatabase db) : IPartReferenceIndex
{
    public Task RecordAsync(IReadOnlyList<PartReference> references, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) =>
        {
            foreach (var r in references)
            {
                Execute(connection, transaction,
                    "INSERT OR REPLACE INTO part_references (recipient, reference, message_id, destination_index, part_index, sent_at) VALUES ($to, $ref, $id, $dest, $part, $sent)",
                    ("$to", r.Recipient), ("$ref", r.Reference), ("$id", r.MessageId), ("$dest", r.DestinationIndex), ("$part", r.PartIndex), ("$sent", r.SentAt.ToUnixTimeMilliseconds()));
            }

            return references.Count;
        }, cancellationToken);

    public Task<PartReference?> FindLatestAsync(string recipient, int reference, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            "SELECT message_id, destination_index, part_index, sent_at FROM part_references WHERE recipient = $to AND reference = $ref AND sent_at >= $since ORDER BY sent_at DESC, message_id DESC LIMIT 1",
            ("$to", recipient), ("$ref", reference), ("$since", notBefore.ToUnixTimeMilliseconds()));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new PartReference(recipient, reference, reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null);
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "DELETE FROM part_references WHERE sent_at < $cutoff", ("$cutoff", olderThan.ToUnixTimeMilliseconds())), cancellationToken);
}

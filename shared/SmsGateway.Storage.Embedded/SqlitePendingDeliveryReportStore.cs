using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Modem;
using static SmsGateway.Storage.Embedded.SqliteCommands;

namespace SmsGateway.Storage.Embedded;

/// <summary>Parked delivery reports on SQLite.</summary>
public sealed class SqlitePendingDeliveryReportStore(SqliteDatabase db) : IPendingDeliveryReportStore
{
    public Task AddAsync(PendingDeliveryReport report, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "INSERT OR IGNORE INTO pending_delivery_reports (id, recipient, reference, delivered, is_final, status, discharge_time, received_at) VALUES ($id, $to, $ref, $delivered, $final, $status, $discharge, $received)",
            ("$id", report.Id), ("$to", report.Report.Recipient), ("$ref", report.Report.MessageReference), ("$delivered", report.Report.Delivered),
            ("$final", report.Report.IsFinal), ("$status", report.Report.Status), ("$discharge", Time(report.Report.DischargeTime)),
            ("$received", report.ReceivedAt.ToUnixTimeMilliseconds())), cancellationToken);

    public Task<IReadOnlyList<PendingDeliveryReport>> ListAsync(int max, CancellationToken cancellationToken)
    {
        using var connection = db.Open();
        using var command = Create(connection, null,
            "SELECT id, recipient, reference, delivered, is_final, status, discharge_time, received_at FROM pending_delivery_reports ORDER BY received_at, id LIMIT $max",
            ("$max", max));
        using var reader = command.ExecuteReader();
        var list = new List<PendingDeliveryReport>();
        while (reader.Read())
        {
            var report = new DeliveryReport(reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt32(5), ReadTime(reader, 6));
            list.Add(new PendingDeliveryReport(reader.GetString(0), report, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return Task.FromResult<IReadOnlyList<PendingDeliveryReport>>(list);
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => Execute(connection, transaction,
            "DELETE FROM pending_delivery_reports WHERE id = $id", ("$id", id)), cancellationToken);
}

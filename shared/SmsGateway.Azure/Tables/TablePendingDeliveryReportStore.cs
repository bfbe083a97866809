using Azure;
using Azure.Data.Tables;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Modem;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// Parked delivery reports on Table storage: one partition, RowKey = report id. Few reports wait at
/// any time (they are given up after a timeout), so listing reads them all and sorts here.
/// </summary>
public sealed class TablePendingDeliveryReportStore(AzureTables tables) : IPendingDeliveryReportStore
{
    public const string PendingTable = "pendingreports";

    private const string Partition = "pending";

    public async Task AddAsync(PendingDeliveryReport report, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PendingTable, cancellationToken);
        var entity = new TableEntity(Partition, TableKeys.Escape(report.Id))
        {
            ["Id"] = report.Id,
            ["Recipient"] = report.Report.Recipient,
            ["MessageReference"] = report.Report.MessageReference,
            ["Delivered"] = report.Report.Delivered,
            ["IsFinal"] = report.Report.IsFinal,
            ["Status"] = report.Report.Status,
            ["DischargeTime"] = TableValues.Time(report.Report.DischargeTime),
            ["ReceivedAt"] = TableValues.Time(report.ReceivedAt),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Parked already; the first arrival's time counts.
        }
    }

    public async Task<IReadOnlyList<PendingDeliveryReport>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PendingTable, cancellationToken);
        var reports = new List<PendingDeliveryReport>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            var report = new DeliveryReport(
                e.GetString("Recipient"),
                e.GetInt32("MessageReference") ?? 0,
                e.GetBoolean("Delivered") ?? false,
                e.GetBoolean("IsFinal") ?? false,
                e.GetInt32("Status") ?? 0,
                TableValues.Time(e, "DischargeTime"));
            reports.Add(new PendingDeliveryReport(e.GetString("Id"), report, TableValues.Time(e, "ReceivedAt")));
        }

        return reports.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(max).ToList();
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PendingTable, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, TableKeys.Escape(id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Removed already: the outcome the caller wants.
        }
    }
}

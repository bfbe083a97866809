using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// The per-number hourly count in table <c>destinationcounts</c>, shared by every Functions instance: one
/// partition per number (its SHA-256, so the table holds no phone numbers), one row per fixed hour
/// (<c>yyyyMMddHH</c>, UTC) whose <c>Count</c> only grows, through the ETag. The sliding hour is estimated
/// from the current and the previous row (<see cref="HourWindow"/>). Per destination that is one query at the check
/// and one write once the request is stored (more only when instances race for the same number).
/// </summary>
public sealed class TableDestinationCounter(AzureTables tables, TimeProvider time) : ISharedDestinationCounter
{
    public const string TableName = "destinationcounts";

    private const int MaxTries = 10;

    public async Task<SharedDestinationCheck> CheckAsync(IReadOnlyList<string> numbers, int perHour, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var now = time.GetUtcNow();
        var distinct = numbers.Distinct(StringComparer.Ordinal).ToList();

        // All numbers are checked before any is counted, so a refused request uses no number's share; the count is
        // written only once intake stored the request. The numbers are independent rows, so each step asks for all
        // of them at once (a request has up to 100).
        var rows = await Task.WhenAll(distinct.Select(async number => (Number: number, Read: await ReadAsync(table, number, now, cancellationToken))));
        foreach (var (number, (previous, current)) in rows)
        {
            var count = current?.GetInt64("Count") ?? 0;
            if (!HourWindow.HasRoom(previous, count, perHour, now))
            {
                return TableDestinationCheck.Refused(new LimitedNumber(number, HourWindow.RetryAfter(previous, count, perHour, now)));
            }
        }

        return TableDestinationCheck.Passed(cancel => Task.WhenAll(rows.Select(row => IncrementAsync(table, row.Number, row.Read.Current, now, cancel))));
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey lt {HourKey(HourWindow.BucketOf(before))}");
        return await TableWrites.DeleteWhereAsync(table, filter, cancellationToken);
    }

    private static async Task<(long Previous, TableEntity? Current)> ReadAsync(TableClient table, string number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bucket = HourWindow.BucketOf(now);
        var currentKey = HourKey(bucket);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Hash(number)} and RowKey ge {HourKey(bucket - HourWindow.Length)} and RowKey le {currentKey}");
        long previous = 0;
        TableEntity? current = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == currentKey)
            {
                current = row;
            }
            else
            {
                previous = row.GetInt64("Count") ?? 0;
            }
        }

        return (previous, current);
    }

    // Starts from the row the check read (one write when nobody raced); a conflict reads it again.
    private static async Task IncrementAsync(TableClient table, string number, TableEntity? current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Hash(number);
        var row = HourKey(HourWindow.BucketOf(now));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (current is not null)
                {
                    current["Count"] = (current.GetInt64("Count") ?? 0) + 1;
                    await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(new TableEntity(partition, row) { ["Count"] = 1L }, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxTries)
            {
                // Another instance counted the same number in between.
                var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
                current = found.HasValue ? found.Value : null;
            }
        }
    }

    private static string HourKey(DateTimeOffset bucket) => bucket.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}

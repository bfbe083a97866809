using System.Globalization;
using Azure.Data.Tables;
using SmsGateway.Core.Sending.DeliveryReports;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// The part reference index on Table storage: PartitionKey = recipient, RowKey = reference, inverted
/// send time and the part's identity, so the first row of a reference's key range is its newest send.
/// </summary>
public sealed class TablePartReferenceIndex(AzureTables tables) : IPartReferenceIndex
{
    public const string ReferencesTable = "partreferences";

    // Entity group transactions take at most 100 operations, all in one partition.
    private const int MaxBatch = 100;

    public async Task RecordAsync(IReadOnlyList<PartReference> references, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(ReferencesTable, cancellationToken);
        foreach (var partition in references.GroupBy(r => TableKeys.Escape(r.Recipient)))
        {
            foreach (var batch in partition.DistinctBy(RowKey).Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(
                    batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(r))),
                    cancellationToken);
            }
        }
    }

    public async Task<PartReference?> FindLatestAsync(string recipient, int reference, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(ReferencesTable, cancellationToken);
        var prefix = ReferencePrefix(reference);

        // '.' follows '-', so the range holds exactly the rows of this reference, newest first.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(recipient)} and RowKey gt {prefix + "-"} and RowKey lt {prefix + "."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            var found = Read(entity);
            return found.SentAt >= notBefore ? found : null;
        }

        return null;
    }

    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(ReferencesTable, cancellationToken);
        var old = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"SentAtUtc lt {olderThan.UtcDateTime}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(entity);
        }

        foreach (var partition in old.GroupBy(e => e.PartitionKey))
        {
            foreach (var batch in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)), cancellationToken);
            }
        }

        return old.Count;
    }

    private static TableEntity Entity(PartReference r) => new(TableKeys.Escape(r.Recipient), RowKey(r))
    {
        ["Recipient"] = r.Recipient,
        ["Reference"] = r.Reference,
        ["MessageId"] = r.MessageId,
        ["DestinationIndex"] = r.DestinationIndex,
        ["PartIndex"] = r.PartIndex,
        ["SentAt"] = TableValues.Time(r.SentAt),
        ["SentAtUtc"] = r.SentAt.UtcDateTime,
    };

    private static PartReference Read(TableEntity e) => new(
        e.GetString("Recipient"),
        e.GetInt32("Reference") ?? 0,
        e.GetString("MessageId"),
        e.GetInt32("DestinationIndex") ?? 0,
        e.GetInt32("PartIndex") ?? 0,
        TableValues.Time(e, "SentAt"));

    private static string ReferencePrefix(int reference) => reference.ToString("D3", CultureInfo.InvariantCulture);

    private static string RowKey(PartReference r) => string.Create(CultureInfo.InvariantCulture,
        $"{ReferencePrefix(r.Reference)}-{DateTimeOffset.MaxValue.UtcTicks - r.SentAt.UtcTicks:D19}-{TableKeys.Escape(r.MessageId)}-{r.DestinationIndex}-{r.PartIndex}");
}

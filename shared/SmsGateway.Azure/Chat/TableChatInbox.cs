using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.Receiving.Bridge;

namespace SmsGateway.Azure.Chat;

/// <summary>
/// The chat update inbox in table <c>chatupdates</c>: one partition (a bot gets far fewer updates than a
/// partition takes), RowKey = the update id in a fixed-width form that sorts like the number, so adding is an
/// insert-if-absent (409 = seen before) and the pending updates come back in id order.
/// </summary>
public sealed class TableChatInbox(AzureTables tables, TimeProvider time) : IChatInbox
{
    public const string TableName = "chatupdates";

    private const string Partition = "updates";

    public async Task<bool> AddAsync(ChatUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(Partition, RowKey(update.UpdateId))
        {
            ["UpdateId"] = update.UpdateId,
            ["ReceivedAt"] = update.ReceivedAt.UtcTicks,
            ["Processed"] = false,
        };
        TableValues.WriteChunks(entity, "Payload", update.Payload);
        return await TableWrites.AddIfAbsentAsync(table, entity, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatUpdate>> ListPendingAsync(int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var pending = new List<ChatUpdate>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Processed eq {false}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            if (pending.Count == max)
            {
                break;
            }

            pending.Add(new ChatUpdate(
                entity.GetInt64("UpdateId") ?? 0,
                TableValues.ReadChunks(entity, "Payload"),
                new DateTimeOffset(entity.GetInt64("ReceivedAt") ?? 0, TimeSpan.Zero)));
        }

        return pending;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Processed eq {false}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);

        // A merge touches only the flag; a missing row (purged, never added) has nothing to mark.
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(Partition, RowKey(updateId)) { ["Processed"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var cutoff = Math.Min(recordedBefore.UtcTicks, time.GetUtcNow().UtcTicks);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Processed eq {true} and ReceivedAt lt {cutoff}");
        return await TableWrites.DeleteWhereAsync(table, filter, cancellationToken);
    }

    // Flipping the sign bit maps longs onto unsigned numbers in the same order; 20 digits hold them all.
    private static string RowKey(long updateId) =>
        unchecked((ulong)(updateId ^ long.MinValue)).ToString("D20", CultureInfo.InvariantCulture);
}

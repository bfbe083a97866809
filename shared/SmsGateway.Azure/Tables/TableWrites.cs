using Azure;
using Azure.Data.Tables;

namespace SmsGateway.Azure.Tables;

/// <summary>Write patterns the table stores share.</summary>
internal static class TableWrites
{
    /// <summary>Inserts <paramref name="entity"/>; false when its key exists already (409), which callers treat as "seen before".</summary>
    public static async Task<bool> AddIfAbsentAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Deletes the entity if it still has <paramref name="etag"/>; false when it changed (412) or is gone (404).</summary>
    public static async Task<bool> DeleteIfUnchangedAsync(TableClient table, TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, etag, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes every entity <paramref name="filter"/> finds, unless it changed since it was read; returns how many went.</summary>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (await DeleteIfUnchangedAsync(table, entity, entity.ETag, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }
}

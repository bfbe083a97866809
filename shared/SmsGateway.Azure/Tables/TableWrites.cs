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
}

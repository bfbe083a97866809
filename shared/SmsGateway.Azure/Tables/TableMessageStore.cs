using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// The store port on Azure Table storage. Table storage has no transaction across partitions, so an
/// idempotency key is claimed first (insert-if-absent in table <c>idempotency</c>) and the message is
/// written second; when the second write fails the claim is rolled back, so a key never points at a
/// message that was not stored for long.
/// </summary>
public sealed partial class TableMessageStore(AzureTables tables, TimeProvider time, ILogger<TableMessageStore> logger) : IMessageStore
{
    public const string MessagesTable = "messages";
    public const string IdempotencyTable = "idempotency";

    private const string ClaimRowKey = "key";

    // A claim seen as taken (409) and then gone (404) was rolled back in between; try to take it again.
    private const int MaxClaimTries = 5;

    public async Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var entity = MessageEntity.ToEntity(message);
        var messages = await tables.GetAsync(MessagesTable, cancellationToken);
        if (claim is null)
        {
            await messages.AddEntityAsync(entity, cancellationToken);
            return CreateOutcome.New;
        }

        var keys = await tables.GetAsync(IdempotencyTable, cancellationToken);
        var claimed = await ClaimAsync(keys, message.Id, claim, cancellationToken);
        if (claimed.Outcome is { } duplicate)
        {
            return duplicate;
        }

        try
        {
            await messages.AddEntityAsync(entity, cancellationToken);
            return CreateOutcome.New;
        }
        catch (Exception)
        {
            await RollBackAsync(keys, claim, claimed.ETag);
            throw;
        }
    }

    public async Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken)
    {
        var keys = await tables.GetAsync(IdempotencyTable, cancellationToken);
        var existing = await keys.GetEntityIfExistsAsync<TableEntity>(TableKeys.Hash(key), ClaimRowKey, cancellationToken: cancellationToken);
        return existing.HasValue && existing.Value is { } holder
            ? new CreateOutcome.KeyClaimed(holder.GetString("MessageId"), holder.GetString("RequestHash"))
            : null;
    }

    public async Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(id))
        {
            return null;
        }

        var messages = await tables.GetAsync(MessagesTable, cancellationToken);
        var found = await messages.GetEntityIfExistsAsync<TableEntity>(id, MessageEntity.RowKey, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new StoredMessage(MessageEntity.FromEntity(entity), entity.ETag.ToString())
            : null;
    }

    public async Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        // The cloud shape registers no webhook event factory yet, so nothing hands events here; refusing them keeps a
        // future caller from believing they were stored with the change (docs/webhooks.md, "The cloud shape").
        if (events.Count > 0)
        {
            throw new InvalidOperationException("The Table message store does not store webhook events; the cloud shape has no webhooks yet.");
        }

        var messages = await tables.GetAsync(MessagesTable, cancellationToken);
        try
        {
            var response = await messages.UpdateEntityAsync(MessageEntity.ToEntity(message), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("The table service answered an update without an ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"Message {message.Id} was changed or removed by someone else.", ex);
        }
    }

    public async Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken)
    {
        // A scan across partitions; the service returns partitions in key order, and message ids are
        // UUIDv7 hex, so key order is creation order (oldest first) without sorting here.
        var messages = await tables.GetAsync(MessagesTable, cancellationToken);
        var ids = new List<string>();
        var query = messages.QueryAsync<TableEntity>(
            MessageEntity.HasStatusFilter(status),
            maxPerPage: Math.Clamp(max, 1, 1000),
            select: ["PartitionKey"],
            cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            if (ids.Count >= max)
            {
                break;
            }

            ids.Add(entity.PartitionKey);
        }

        return ids;
    }

    private async Task<(CreateOutcome? Outcome, ETag ETag)> ClaimAsync(TableClient keys, string messageId, IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Hash(claim.Key);
        var row = new TableEntity(partition, ClaimRowKey)
        {
            ["MessageId"] = messageId,
            ["RequestHash"] = claim.RequestHash,
            ["ClaimedAt"] = time.GetUtcNow(),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var added = await keys.AddEntityAsync(row, cancellationToken);
                return (null, added.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                var existing = await keys.GetEntityIfExistsAsync<TableEntity>(partition, ClaimRowKey, cancellationToken: cancellationToken);
                if (existing.HasValue && existing.Value is { } holder)
                {
                    return (CreateOutcome.Duplicate(holder.GetString("MessageId"), holder.GetString("RequestHash")), default);
                }

                if (attempt >= MaxClaimTries)
                {
                    throw;
                }
            }
        }
    }

    private async Task RollBackAsync(TableClient keys, IdempotencyClaim claim, ETag etag)
    {
        try
        {
            // Not the caller's token: a cancelled create must still release its key.
            await keys.DeleteEntityAsync(TableKeys.Hash(claim.Key), ClaimRowKey, etag, CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            LogRollbackFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Could not release an idempotency key after the message write failed; requests with that key will name a message that does not exist")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception);
}

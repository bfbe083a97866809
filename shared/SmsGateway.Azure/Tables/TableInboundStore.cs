using Azure.Data.Tables;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// The inbound store port on Table storage. Parts: PartitionKey = set key, RowKey = part id. Sets:
/// PartitionKey = set key, RowKey = the set id in descending form, so the newest set of a key is the
/// first row. Messages: one partition, RowKey = the message id in descending form, so a page is a
/// range read, newest first (inbound SMS arrive far below one partition's throughput).
/// </summary>
public sealed class TableInboundStore(AzureTables tables) : IInboundStore
{
    public const string PartsTable = "inboundparts";
    public const string SetsTable = "inboundsets";
    public const string MessagesTable = "inboundmessages";

    private const string MessagesPartition = "inbound";

    public async Task<InboundPartRecord?> GetPartAsync(string setKey, string partId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(partId))
        {
            return null;
        }

        var table = await tables.GetAsync(PartsTable, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(setKey), partId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? InboundEntities.ReadPart(entity) : null;
    }

    public async Task<bool> AddPartAsync(InboundPartRecord part, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PartsTable, cancellationToken);
        return await TableWrites.AddIfAbsentAsync(table, InboundEntities.Part(part), cancellationToken);
    }

    public async Task<IReadOnlyList<InboundPartRecord>> ListSetPartsAsync(string setKey, string setId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PartsTable, cancellationToken);
        var parts = new List<InboundPartRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(setKey)} and SetId eq {setId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            parts.Add(InboundEntities.ReadPart(entity));
        }

        return parts.OrderBy(p => p.PartNumber).ThenBy(p => p.ReceivedAt).ToList();
    }

    public async Task SaveSetAsync(InboundSet set, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SetsTable, cancellationToken);
        await table.UpsertEntityAsync(InboundEntities.Set(set), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<InboundSet?> FindLatestSetAsync(string setKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SetsTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(setKey)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return InboundEntities.ReadSet(entity);
        }

        return null;
    }

    public async Task<IReadOnlyList<InboundSet>> ListUnreleasedSetsAsync(int max, CancellationToken cancellationToken)
    {
        // Few sets are unreleased at any time (they release within the reassembly timeout), so all are read and sorted here.
        var table = await tables.GetAsync(SetsTable, cancellationToken);
        var sets = new List<InboundSet>();
        var filter = TableClient.CreateQueryFilter($"Unreleased eq {true}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            sets.Add(InboundEntities.ReadSet(entity));
        }

        return sets.OrderBy(s => s.Id, StringComparer.Ordinal).Take(max).ToList();
    }

    public async Task<bool> AddMessageAsync(InboundMessage message, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        // As in TableMessageStore: the cloud shape has no webhooks yet, and an event must not seem stored when it is not.
        if (events.Count > 0)
        {
            throw new InvalidOperationException("The Table inbound store does not store webhook events; the cloud shape has no webhooks yet.");
        }

        var row = TableKeys.Descending(message.Id)
            ?? throw new ArgumentException($"Inbound message id '{message.Id}' is not a hex id.", nameof(message));
        var table = await tables.GetAsync(MessagesTable, cancellationToken);
        return await TableWrites.AddIfAbsentAsync(table, InboundEntities.Message(message, MessagesPartition, row), cancellationToken);
    }

    public async Task<InboundMessage?> GetMessageAsync(string id, CancellationToken cancellationToken)
    {
        if (TableKeys.Descending(id) is not { } row)
        {
            return null;
        }

        var table = await tables.GetAsync(MessagesTable, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(MessagesPartition, row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? InboundEntities.ReadMessage(entity) : null;
    }

    public async Task<InboundPage> ListMessagesAsync(string? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var table = await tables.GetAsync(MessagesTable, cancellationToken);

        // Ids below the cursor are the rows after its descending key.
        var filter = before is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {MessagesPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {MessagesPartition} and RowKey gt {TableKeys.Descending(before) ?? throw new ArgumentException("The cursor is not a message id.", nameof(before))}");

        // One more than asked tells whether another page follows.
        var rows = new List<InboundMessage>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(InboundEntities.ReadMessage(entity));
            if (rows.Count > limit)
            {
                break;
            }
        }

        var items = rows.Take(limit).ToList();
        return new InboundPage(items, rows.Count > limit ? items[^1].Id : null);
    }
}

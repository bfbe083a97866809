using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Azure.Chat;

/// <summary>
/// The outbox in table <c>outbox</c>, one partition per channel. A channel's counter row hands out sequence
/// numbers; an item row (<c>item-{seq}</c>) and a dedupe row (<c>key-{hash}</c>) are inserted with the
/// counter's update in one transaction, so order and "the same key once" hold with concurrent writers.
/// <c>DueAt</c> is the retry time and, while leased, the end of the lock; every change goes through the ETag.
/// </summary>
public sealed class TableOutbox(AzureTables tables, TimeProvider time) : IOutbox
{
    public const string TableName = "outbox";

    private const string CounterRow = "seq";
    private const string ItemPrefix = "item-";

    // The first key after every "item-…" row.
    private const string ItemsEnd = "item.";
    private const int Pending = 0;
    private const int Delivered = 1;
    private const int DeadLettered = 2;
    private const int MaxTries = 10;

    /// <remarks>
    /// Supersedes nothing: this outbox serves the cloud's Telegram posts, which never linger, and finding and
    /// settling lingering rows would cost Table transactions to save none.
    /// </remarks>
    public Task<bool> EnqueueSupersedingAsync(OutboxItem item, string supersededKeyPrefix, CancellationToken cancellationToken) =>
        EnqueueAsync(item, cancellationToken);

    public async Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = TableKeys.Escape(item.Channel);
        var keyRow = KeyRow(item.DedupeKey);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken);
            var seq = counter.HasValue && counter.Value is { } c ? c.GetInt64("NextSeq") ?? 1 : 1;
            var next = new TableEntity(partition, CounterRow) { ["NextSeq"] = seq + 1 };
            var entity = new TableEntity(partition, ItemRow(seq))
            {
                ["Channel"] = item.Channel,
                ["DedupeKey"] = item.DedupeKey,
                ["State"] = Pending,
                ["DueAt"] = item.DueAt.UtcTicks,
                ["Attempts"] = 0,
                ["EnqueuedAt"] = time.GetUtcNow().UtcTicks,
            };
            TableValues.WriteChunks(entity, "Payload", item.Payload);
            TableTransactionAction[] actions =
            [
                counter.HasValue && counter.Value is { } found
                    ? new(TableTransactionActionType.UpdateReplace, next, found.ETag)
                    : new(TableTransactionActionType.Add, next),
                new(TableTransactionActionType.Add, new TableEntity(partition, keyRow) { ["Seq"] = seq }),
                new(TableTransactionActionType.Add, entity),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Either the key is there (a repeat) or another item of this channel took the sequence number.
                if (await ExistsAsync(table, partition, keyRow, cancellationToken))
                {
                    return false;
                }

                if (attempt >= MaxTries)
                {
                    throw;
                }
            }
        }
    }

    public async Task<OutboxLease?> LeaseNextAsync(string channel, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(channel)} and RowKey ge {ItemPrefix} and RowKey lt {ItemsEnd} and State eq {Pending}");
        TableEntity? head = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            head = entity;
            break;
        }

        var now = time.GetUtcNow();
        if (head is null || head.GetInt64("DueAt") > now.UtcTicks)
        {
            return null;
        }

        var lease = new OutboxLease(
            Seq(head.RowKey).ToString(CultureInfo.InvariantCulture),
            channel,
            head.GetString("DedupeKey"),
            TableValues.ReadChunks(head, "Payload"),
            head.GetInt32("Attempts") ?? 0,
            Guid.NewGuid().ToString("N"),
            now + lockDuration,
            new DateTimeOffset(head.GetInt64("EnqueuedAt") ?? 0, TimeSpan.Zero));
        head["LockToken"] = lease.LockToken;
        head["DueAt"] = lease.LockedUntil.UtcTicks;
        try
        {
            await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken);
            return lease;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Taken or settled by someone else in between: the head is not ours.
            return null;
        }
    }

    public Task CompleteAsync(OutboxLease lease, CancellationToken cancellationToken) =>
        SettleAsync(lease, e => Close(e, Delivered), cancellationToken);

    public Task RescheduleAsync(OutboxLease lease, TimeSpan delay, int attempts, string? error, CancellationToken cancellationToken) =>
        SettleAsync(lease, e =>
        {
            e["DueAt"] = (time.GetUtcNow() + delay).UtcTicks;
            e["Attempts"] = attempts;
            e["Error"] = error;
        }, cancellationToken);

    public Task DeadLetterAsync(OutboxLease lease, string reason, CancellationToken cancellationToken) =>
        SettleAsync(lease, e =>
        {
            Close(e, DeadLettered);
            e["Error"] = reason;
        }, cancellationToken);

    public async Task<IReadOnlyList<OutboxChannel>> ListPendingChannelsAsync(string channelPrefix, int max, CancellationToken cancellationToken)
    {
        // Escaping works character by character, so an escaped channel starts with the escaped prefix.
        var prefix = TableKeys.Escape(channelPrefix);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and State eq {Pending}");
        var heads = new List<(OutboxChannel Channel, long Seq)>();
        string? lastPartition = null;

        // Rows come by partition, then row key: each partition's first pending row is its head.
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Channel", "DueAt"], cancellationToken: cancellationToken))
        {
            if (!entity.PartitionKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            if (entity.PartitionKey == lastPartition)
            {
                continue;
            }

            lastPartition = entity.PartitionKey;
            heads.Add((new OutboxChannel(entity.GetString("Channel"), new DateTimeOffset(entity.GetInt64("DueAt") ?? 0, TimeSpan.Zero)), Seq(entity.RowKey)));
        }

        return heads.OrderBy(h => h.Channel.NextDueAt).ThenBy(h => h.Seq).ThenBy(h => h.Channel.Name, StringComparer.Ordinal)
            .Take(max).Select(h => h.Channel).ToList();
    }

    public async Task<int> CountPendingAsync(string channelPrefix, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.Escape(channelPrefix);
        var table = await tables.GetAsync(TableName, cancellationToken);

        // Only item rows carry State, so counter and dedupe rows drop out of the filter.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and State eq {Pending}");
        var count = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (!entity.PartitionKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            count++;
        }

        return count;
    }

    public async Task<int> PurgeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"State gt {Pending} and SettledAt lt {settledBefore.UtcTicks}");
        var purged = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "DedupeKey"], cancellationToken: cancellationToken))
        {
            // The key first: a crash in between leaves a settled item for the next purge, never a key without its item.
            try
            {
                await table.DeleteEntityAsync(entity.PartitionKey, KeyRow(entity.GetString("DedupeKey")), ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }

            if (await TableWrites.DeleteIfUnchangedAsync(table, entity, entity.ETag, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    private async Task SettleAsync(OutboxLease lease, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = long.TryParse(lease.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(lease.Channel), ItemRow(seq), cancellationToken: cancellationToken)
            : null;
        if (found is not { HasValue: true, Value: { } entity }
            || entity.GetInt32("State") != Pending
            || entity.GetString("LockToken") != lease.LockToken)
        {
            throw LockLost(lease);
        }

        change(entity);
        entity.Remove("LockToken");
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw LockLost(lease);
        }
    }

    private void Close(TableEntity entity, int state)
    {
        entity["State"] = state;
        entity["SettledAt"] = time.GetUtcNow().UtcTicks;
    }

    private static async Task<bool> ExistsAsync(TableClient table, string partition, string row, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["PartitionKey"], cancellationToken)).HasValue;

    private static LockLostException LockLost(OutboxLease lease) => new($"The lease on outbox item {lease.Id} of {lease.Channel} was lost.");

    private static string ItemRow(long seq) => ItemPrefix + seq.ToString("D19", CultureInfo.InvariantCulture);

    private static long Seq(string itemRow) => long.Parse(itemRow.AsSpan(ItemPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string KeyRow(string dedupeKey) => "key-" + TableKeys.Hash(dedupeKey);
}

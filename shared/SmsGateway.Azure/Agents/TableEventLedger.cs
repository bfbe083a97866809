using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Azure.Agents;

/// <summary>
/// The applied agent events in table <c>agentevents</c>: partition = agent, row = event id (validated to be a
/// legal key), so marking is a single insert-if-absent. <c>AppliedAt</c> is a UTC time in round-trip form,
/// so it compares as text in time order (what the purge filter relies on).
/// </summary>
public sealed class TableEventLedger(AzureTables tables, TimeProvider time) : IEventLedger
{
    public const string TableName = "agentevents";

    public async Task<bool> HasAppliedAsync(string agentId, string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(agentId, eventId, select: ["PartitionKey"], cancellationToken);
        return found.HasValue;
    }

    public async Task<bool> TryMarkAppliedAsync(string agentId, string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        return await TableWrites.AddIfAbsentAsync(
            table,
            new TableEntity(agentId, eventId) { ["AppliedAt"] = TableValues.Time(time.GetUtcNow().ToUniversalTime()) },
            cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset appliedBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"AppliedAt lt {TableValues.Time(appliedBefore.ToUniversalTime())}");
        return await TableWrites.DeleteWhereAsync(table, filter, cancellationToken);
    }
}

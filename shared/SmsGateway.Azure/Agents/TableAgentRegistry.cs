using Azure;
using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Azure.Agents;

/// <summary>
/// The agents' newest heartbeats in table <c>agents</c>. Writes are compare-and-swap on the ETag, so two
/// heartbeats of one agent processed at once still leave the newer one.
/// </summary>
public sealed class TableAgentRegistry(AzureTables tables) : IAgentRegistry
{
    public const string TableName = "agents";

    private const int MaxTries = 10;

    public async Task RecordHeartbeatAsync(AgentState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(AgentEntity.PartitionKey, state.AgentId, cancellationToken: cancellationToken);
            try
            {
                if (!found.HasValue || found.Value is null)
                {
                    await table.AddEntityAsync(AgentEntity.ToEntity(state), cancellationToken);
                    return;
                }

                var stored = AgentEntity.FromEntity(found.Value);
                var merged = state.LastHeartbeatAt >= stored.LastHeartbeatAt
                    ? state with { LastSeenAt = Max(state.LastSeenAt, stored.LastSeenAt) }
                    : stored with { LastSeenAt = Max(state.LastSeenAt, stored.LastSeenAt) };
                if (merged == stored)
                {
                    return;
                }

                await table.UpdateEntityAsync(AgentEntity.ToEntity(merged), found.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxTries)
            {
                // Another heartbeat of this agent was written in between; merge with it.
            }
        }
    }

    public async Task<IReadOnlyList<AgentState>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var agents = new List<AgentState>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {AgentEntity.PartitionKey}"),
            cancellationToken: cancellationToken))
        {
            agents.Add(AgentEntity.FromEntity(entity));
        }

        return agents;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

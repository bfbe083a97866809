using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Azure.Agents;

/// <summary>How an <see cref="AgentState"/> is laid out as a table row: one partition for all agents (there are few).</summary>
internal static class AgentEntity
{
    public const string PartitionKey = "agent";

    public static TableEntity ToEntity(AgentState state) => new(PartitionKey, state.AgentId)
    {
        ["LastHeartbeatAt"] = TableValues.Time(state.LastHeartbeatAt),
        ["LastSeenAt"] = TableValues.Time(state.LastSeenAt),
        ["ModemConnected"] = state.Modem.Connected,
        ["ModemModel"] = state.Modem.Model,
        ["ModemOperator"] = state.Modem.Operator,
        ["ModemRegistered"] = state.Modem.Registered,
        ["ModemSignalDbm"] = state.Modem.SignalDbm,
        ["QueueDepth"] = state.QueueDepth,
        ["DeadLettered"] = state.DeadLettered,
    };

    public static AgentState FromEntity(TableEntity entity) => new(
        entity.RowKey,
        TableValues.Time(entity, "LastHeartbeatAt"),
        TableValues.Time(entity, "LastSeenAt"),
        new AgentModemSnapshot
        {
            Connected = entity.GetBoolean("ModemConnected") ?? false,
            Model = entity.GetString("ModemModel"),
            Operator = entity.GetString("ModemOperator"),
            Registered = entity.GetBoolean("ModemRegistered") ?? false,
            SignalDbm = entity.GetInt32("ModemSignalDbm"),
        },
        entity.GetInt32("QueueDepth") ?? 0,
        entity.GetInt32("DeadLettered") ?? 0);
}

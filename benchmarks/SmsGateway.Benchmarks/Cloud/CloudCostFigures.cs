using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>
/// Turns counted operations into operations per message and a cost per million messages. Prices are
/// list prices in USD (pay-as-you-go, after free grants), as stated in docs/BENCHMARKS.md with their
/// date; they change, so they are figures of this file, not of the product.
/// </summary>
internal static class CloudCostFigures
{
    /// <summary>Service Bus Standard: per operation beyond the 13 M a month the base charge includes.</summary>
    public const double ServiceBusPerOperation = 0.80 / 1_000_000;

    /// <summary>Table storage (Standard, LRS): per transaction, $0.00036 per 10,000.</summary>
    public const double TablesPerTransaction = 0.00036 / 10_000;

    /// <summary>Functions Flex Consumption, on demand: per execution, $0.40 per million (memory time not included).</summary>
    public const double FunctionsPerExecution = 0.40 / 1_000_000;

    private static readonly string[] IdleServiceBus = ["receiveEmpty", "getCounts"];

    public static JsonObject Compute(
        int messages,
        TimeSpan busyFor,
        TimeSpan idleFor,
        (Dictionary<string, long> Bus, Dictionary<string, long> Tables, Dictionary<string, long> Functions) idle,
        (Dictionary<string, long> Bus, Dictionary<string, long> Tables, Dictionary<string, long> Functions) busy)
    {
        const string heartbeatOnly = "AgentEvents(heartbeat only)";

        // Heartbeats and empty polls happen per minute, with or without messages: measured while idle,
        // they are taken out of the busy window so that what is left is the messages' own cost.
        var idleHeartbeats = idle.Functions.GetValueOrDefault(heartbeatOnly);
        var tablesPerHeartbeat = idleHeartbeats == 0 ? 0 : (double)idle.Tables.Values.Sum() / idleHeartbeats;
        var busyHeartbeats = busy.Functions.GetValueOrDefault(heartbeatOnly);

        var serviceBus = busy.Bus.Where(b => !IdleServiceBus.Contains(b.Key)).Sum(b => b.Value) / (double)messages;
        var tables = Math.Max(0, busy.Tables.Values.Sum() - (busyHeartbeats * tablesPerHeartbeat)) / messages;
        var functions = busy.Functions.Where(f => f.Key != heartbeatOnly).Sum(f => f.Value) / (double)messages;
        var perMinute = 60 / idleFor.TotalSeconds;
        var idleBusPerMinute = idle.Bus.Where(b => IdleServiceBus.Contains(b.Key)).Sum(b => b.Value) * perMinute;
        var idleTablesPerMinute = idle.Tables.Values.Sum() * perMinute;
        var idleFunctionsPerMinute = idle.Functions.Values.Sum() * perMinute;
        const double minutesPerMonth = 30 * 24 * 60;

        return new JsonObject
        {
            ["messages"] = messages,
            ["seconds"] = Math.Round(busyFor.TotalSeconds, 1),
            ["perMessage"] = new JsonObject
            {
                ["serviceBusOperations"] = Math.Round(serviceBus, 2),
                ["tableTransactions"] = Math.Round(tables, 2),
                ["functionExecutions"] = Math.Round(functions, 2),
                ["billableOperations"] = Math.Round(serviceBus + tables + functions, 2),
            },
            ["costPerMillionMessagesUsd"] = new JsonObject
            {
                ["serviceBus"] = Math.Round(serviceBus * ServiceBusPerOperation * 1e6, 2),
                ["tables"] = Math.Round(tables * TablesPerTransaction * 1e6, 2),
                ["functionExecutions"] = Math.Round(functions * FunctionsPerExecution * 1e6, 2),
                ["total"] = Math.Round(((serviceBus * ServiceBusPerOperation) + (tables * TablesPerTransaction) + (functions * FunctionsPerExecution)) * 1e6, 2),
            },
            ["idleAgentPerMinute"] = new JsonObject
            {
                ["serviceBusCalls"] = Math.Round(idleBusPerMinute, 1),
                ["tableTransactions"] = Math.Round(idleTablesPerMinute, 1),
                ["functionExecutions"] = Math.Round(idleFunctionsPerMinute, 1),
                ["heartbeatsMeasured"] = idleHeartbeats,
                ["costPerMonthUsd"] = Math.Round(minutesPerMonth * ((idle.Bus.GetValueOrDefault("receiveEmpty") * perMinute * ServiceBusPerOperation) + (idleTablesPerMinute * TablesPerTransaction) + (idleFunctionsPerMinute * FunctionsPerExecution)), 2),
            },
            ["counted"] = new JsonObject
            {
                ["busy"] = Counts(busy),
                ["idle"] = Counts(idle),
            },
        };
    }

    private static JsonObject Counts((Dictionary<string, long> Bus, Dictionary<string, long> Tables, Dictionary<string, long> Functions) counts) => new()
    {
        ["serviceBus"] = OperationCounter.ToJson(counts.Bus),
        ["tables"] = OperationCounter.ToJson(counts.Tables),
        ["functions"] = OperationCounter.ToJson(counts.Functions),
    };
}

using Azure.Core;
using Azure.Core.Pipeline;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>
/// An <see cref="HttpPipelinePolicy"/> on the Table client: every request that leaves it is one
/// billable storage transaction, counted by table (or <c>$batch</c>) and HTTP method.
/// </summary>
internal sealed class TableTransactionCounter(OperationCounter counter, string tablePrefix) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        // Azurite paths: /devstoreaccount1/<table>(PartitionKey='…',RowKey='…'), /devstoreaccount1/$batch, /devstoreaccount1/Tables.
        var segments = message.Request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "?";
        var table = resource.Split('(')[0];
        if (table.StartsWith(tablePrefix, StringComparison.Ordinal))
        {
            table = table[tablePrefix.Length..];
        }

        counter.Add($"{table} {message.Request.Method}");
    }
}

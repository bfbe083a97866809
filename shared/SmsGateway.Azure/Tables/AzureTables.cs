using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// Hands out table clients by logical name (prefixed) and creates each table once per process,
/// so the stores need no separate provisioning step and a fresh account works at first use.
/// </summary>
public sealed class AzureTables(TableServiceClient service, string tablePrefix)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public string TablePrefix { get; } = tablePrefix;

    /// <summary>The client of table <paramref name="name"/> (without prefix), created when missing.</summary>
    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(TablePrefix + n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed creation (account unreachable at start) must not stick: the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    // Not cancellable on purpose: other callers share this task, and one caller's cancellation must not fail theirs.
    private async Task<TableClient> CreateAsync(string tableName)
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }
}

using SmsGateway.Contracts;
using SmsGateway.Core.Outbox;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Telegram.Tests.Storage;

/// <summary>The outbox contract on SQLite (kept with the bridge's tests until the storage tests take the new suites).</summary>
public sealed class SqliteOutboxContractTests : OutboxContractTests
{
    private readonly TempSqlite _db = new();

    protected override Task<IOutbox> CreateOutboxAsync(TimeProvider time) => Task.FromResult<IOutbox>(new SqliteOutbox(_db.Database, time));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

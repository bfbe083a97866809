using SmsGateway.Contracts;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IMessageStore> CreateStoreAsync() =>
        Task.FromResult<IMessageStore>(new SqliteMessageStore(_db.Database, TimeProvider.System));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqliteInboundStoreContractTests : InboundStoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IInboundStore> CreateStoreAsync() =>
        Task.FromResult<IInboundStore>(new SqliteInboundStore(_db.Database));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

using SmsGateway.Contracts;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqlitePartReferenceIndexContractTests : PartReferenceIndexContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IPartReferenceIndex> CreateIndexAsync() =>
        Task.FromResult<IPartReferenceIndex>(new SqlitePartReferenceIndex(_db.Database));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

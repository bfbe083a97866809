using SmsGateway.Contracts;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqlitePendingDeliveryReportStoreContractTests : PendingDeliveryReportStoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IPendingDeliveryReportStore> CreateStoreAsync() =>
        Task.FromResult<IPendingDeliveryReportStore>(new SqlitePendingDeliveryReportStore(_db.Database));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

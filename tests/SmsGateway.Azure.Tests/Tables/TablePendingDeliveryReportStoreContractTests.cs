using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TablePendingDeliveryReportStoreContractTests(AzuriteFixture azurite) : PendingDeliveryReportStoreContractTests
{
    protected override Task<IPendingDeliveryReportStore> CreateStoreAsync() =>
        Task.FromResult<IPendingDeliveryReportStore>(new TablePendingDeliveryReportStore(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix())));
}

using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TablePartReferenceIndexContractTests(AzuriteFixture azurite) : PartReferenceIndexContractTests
{
    protected override Task<IPartReferenceIndex> CreateIndexAsync() =>
        Task.FromResult<IPartReferenceIndex>(new TablePartReferenceIndex(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix())));
}

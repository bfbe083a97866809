using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableInboundStoreContractTests(AzuriteFixture azurite) : InboundStoreContractTests
{
    protected override Task<IInboundStore> CreateStoreAsync() =>
        Task.FromResult<IInboundStore>(new TableInboundStore(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix())));
}

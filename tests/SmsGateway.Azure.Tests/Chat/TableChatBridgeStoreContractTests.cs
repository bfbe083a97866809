using SmsGateway.Azure.Chat;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Chat;

[Collection(AzuriteCollection.Name)]
public sealed class TableChatBridgeStoreContractTests(AzuriteFixture azurite) : ChatBridgeStoreContractTests
{
    protected override Task<IChatBridgeStore> CreateStoreAsync() =>
        Task.FromResult<IChatBridgeStore>(new TableChatBridgeStore(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix())));
}

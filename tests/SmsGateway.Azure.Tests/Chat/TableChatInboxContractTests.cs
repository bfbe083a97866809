using SmsGateway.Azure.Chat;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Chat;

[Collection(AzuriteCollection.Name)]
public sealed class TableChatInboxContractTests(AzuriteFixture azurite) : ChatInboxContractTests
{
    protected override Task<IChatInbox> CreateInboxAsync(TimeProvider time) =>
        Task.FromResult<IChatInbox>(new TableChatInbox(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix()), time));
}

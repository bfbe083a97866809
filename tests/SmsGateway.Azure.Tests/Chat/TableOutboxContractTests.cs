using SmsGateway.Azure.Chat;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Outbox;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Chat;

[Collection(AzuriteCollection.Name)]
public sealed class TableOutboxContractTests(AzuriteFixture azurite) : OutboxContractTests
{
    protected override Task<IOutbox> CreateOutboxAsync(TimeProvider time) =>
        Task.FromResult<IOutbox>(new TableOutbox(new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix()), time));
}

using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Azure.Tables;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests
{
    // A fresh prefix per test: its own tables, so tests never see each other's rows.
    protected override Task<IMessageStore> CreateStoreAsync() =>
        Task.FromResult<IMessageStore>(new TableMessageStore(
            new AzureTables(azurite.CreateServiceClient(), TestTables.NewPrefix()),
            TimeProvider.System,
            NullLogger<TableMessageStore>.Instance));
}

using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Storage;

public sealed class SqliteChatBridgeStoreContractTests : ChatBridgeStoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IChatBridgeStore> CreateStoreAsync() => Task.FromResult<IChatBridgeStore>(new SqliteChatBridgeStore(_db.Database));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

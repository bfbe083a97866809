using SmsGateway.Contracts;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Storage;

public sealed class SqliteChatInboxContractTests : ChatInboxContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<IChatInbox> CreateInboxAsync(TimeProvider time) => Task.FromResult<IChatInbox>(new SqliteChatInbox(_db.Database, time));

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

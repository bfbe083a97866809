using Microsoft.Extensions.Time.Testing;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqliteQueueContractTests : QueueContractTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TempDatabase _db = new();

    protected override Task<IOutboundQueue> CreateQueueAsync() =>
        Task.FromResult<IOutboundQueue>(new SqliteOutboundQueue(_db.Database, _db.Options, _time));

    protected override Task AdvanceAsync(TimeSpan span)
    {
        _time.Advance(span);
        return Task.CompletedTask;
    }

    protected override Task<DateTimeOffset> NowAsync() => Task.FromResult(_time.GetUtcNow());

    public override Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

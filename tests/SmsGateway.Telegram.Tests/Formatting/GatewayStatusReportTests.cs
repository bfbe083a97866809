using SmsGateway.Core.Sending.Queue;
using SmsGateway.Telegram.Formatting;

namespace SmsGateway.Telegram.Tests.Formatting;

public sealed class GatewayStatusReportTests
{
    [Fact]
    public async Task Build_CountsUnreadable_SaysSo_AndStillListsTheRest()
    {
        var sut = new GatewayStatusReport(new UncountableQueue(), modem: null);

        var text = await sut.BuildAsync(CancellationToken.None);

        Assert.Contains("Modem: not attached to this host", text, StringComparison.Ordinal);
        Assert.Contains("Queue: counts unavailable", text, StringComparison.Ordinal);
        Assert.EndsWith("Recent failures: none", text, StringComparison.Ordinal);
    }

    /// <summary>A queue whose counts fail as Service Bus's do without the Manage right.</summary>
    private sealed class UncountableQueue : IOutboundQueue
    {
        public long? Capacity => null;

        public Task<QueueCounts> CountAsync(CancellationToken cancellationToken) =>
            throw new UnauthorizedAccessException("Manage,EntityRead claims required for this operation.");

        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeadLetter>>([]);

        public Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

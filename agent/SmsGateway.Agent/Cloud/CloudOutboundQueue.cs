using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// The Service Bus queue as the cloud agent uses it. Every received envelope first gets its local record
/// (<see cref="EnvelopeRecorder"/>), so the unchanged outbound processor finds it. Counts need the
/// <c>Manage</c> right, which an agent's least-privilege identity lacks: then they read as -1 (unknown)
/// instead of failing the health check.
/// </summary>
public sealed partial class CloudOutboundQueue(IOutboundQueue inner, EnvelopeRecorder recorder, ILogger<CloudOutboundQueue> logger) : IOutboundQueue
{
    public static readonly QueueCounts Unknown = new(-1, -1);

    private int _countsUnavailableLogged;

    public async Task<QueueLease?> ReceiveAsync(TimeSpan lockDuration, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var lease = await inner.ReceiveAsync(lockDuration, maxWait, cancellationToken);
        if (lease is not null)
        {
            await recorder.EnsureRecordAsync(lease.Message, lease.DeliveryCount, cancellationToken);
        }

        return lease;
    }

    public long? Capacity => inner.Capacity;

    public async Task<QueueCounts> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _countsUnavailableLogged, 1) == 0)
            {
                LogCountsUnavailable(logger, ex.GetType().Name, ex.Message);
            }

            return Unknown;
        }
    }

    public Task<int> PublishAsync(IReadOnlyList<QueueItem> items, DateTimeOffset? notBefore, CancellationToken cancellationToken) =>
        inner.PublishAsync(items, notBefore, cancellationToken);

    public Task CompleteAsync(QueueLease lease, CancellationToken cancellationToken) => inner.CompleteAsync(lease, cancellationToken);

    public Task AbandonAsync(QueueLease lease, TimeSpan delay, CancellationToken cancellationToken) => inner.AbandonAsync(lease, delay, cancellationToken);

    public Task DeadLetterAsync(QueueLease lease, string reason, string description, CancellationToken cancellationToken) =>
        inner.DeadLetterAsync(lease, reason, description, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(max, cancellationToken);

    public Task<bool> ReplayDeadLetterAsync(string itemId, CancellationToken cancellationToken) => inner.ReplayDeadLetterAsync(itemId, cancellationToken);

    [LoggerMessage(EventId = 7131, Level = LogLevel.Warning, Message = "Queue counts are unavailable ({ErrorType}: {Error}); an agent identity with only Data Receiver/Sender rights cannot read them. Health and heartbeats show them as unknown")]
    private static partial void LogCountsUnavailable(ILogger logger, string errorType, string error);
}

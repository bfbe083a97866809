using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// Re-publishes destinations that the store has as <c>queued</c>. The store is written before the
/// queue, so a crash between the two leaves a message that would otherwise never be sent;
/// publishing is idempotent by item id, so items already in the queue are left alone.
/// </summary>
public sealed partial class QueueRecoveryService(
    IMessageStore store,
    IOutboundQueue queue,
    TimeProvider time,
    ILogger<QueueRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var republished = await RecoverOnceAsync(stoppingToken);
                if (republished > 0)
                {
                    LogRecovered(logger, republished);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRecoveryFailed(logger, ex);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
    }

    /// <summary>One pass; returns how many queue items were missing and published again.</summary>
    public async Task<int> RecoverOnceAsync(CancellationToken cancellationToken)
    {
        var republished = 0;
        var ids = await store.FindWithDestinationStatusAsync(DestinationStatus.Queued, BatchSize, cancellationToken);
        foreach (var id in ids)
        {
            var stored = await store.GetAsync(id, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            var message = stored.Message;
            for (var i = 0; i < message.Destinations.Count; i++)
            {
                var destination = message.Destinations[i];
                if (destination.Status != DestinationStatus.Queued)
                {
                    continue;
                }

                var item = new QueueItem { MessageId = message.Id, DestinationIndex = i, To = destination.Address, Text = message.Text, Priority = message.Priority };
                republished += await queue.PublishAsync([item], destination.NextAttemptAt, cancellationToken);
            }
        }

        return republished;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Re-queued {Count} destination(s) that were stored but not queued")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Queue recovery pass failed")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}

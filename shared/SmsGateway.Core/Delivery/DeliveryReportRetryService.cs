using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Delivery;

/// <summary>Tries parked delivery reports again every <see cref="DeliveryReportOptions.RetryInterval"/>, and purges the reference index hourly.</summary>
public sealed partial class DeliveryReportRetryService(
    DeliveryReportProcessor processor,
    IOptions<DeliveryReportOptions> options,
    TimeProvider time,
    ILogger<DeliveryReportRetryService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetryInterval, time);
        var nextPurge = time.GetUtcNow();
        do
        {
            try
            {
                await processor.RetryPendingAsync(stoppingToken);
                if (time.GetUtcNow() >= nextPurge)
                {
                    nextPurge = time.GetUtcNow() + PurgeInterval;
                    await processor.PurgeIndexAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The reports stay parked; the next round tries again.
                LogRetryFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Retrying parked delivery reports failed; trying again later")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Hosting;

namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>Tries parked delivery reports again every <see cref="DeliveryReportOptions.RetryInterval"/>, and purges the reference index hourly.</summary>
public sealed partial class DeliveryReportRetryService(
    DeliveryReportProcessor processor,
    IOptions<DeliveryReportOptions> options,
    TimeProvider time,
    ILogger<DeliveryReportRetryService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = time.GetUtcNow();
        return PeriodicWork.RunAsync(
            options.Value.RetryInterval,
            time,
            async ct =>
            {
                await processor.RetryPendingAsync(ct);
                if (time.GetUtcNow() >= nextPurge)
                {
                    nextPurge = time.GetUtcNow() + PurgeInterval;
                    await processor.PurgeIndexAsync(ct);
                }
            },
            // The reports stay parked; the next round tries again.
            ex => LogRetryFailed(logger, ex),
            stoppingToken);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Retrying parked delivery reports failed; trying again later")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Telegram.Bot;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Outbox;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Telegram.Hosting;

/// <summary>Acts on recorded updates as they arrive, and now and then forgets old settled inbox and outbox entries.</summary>
public sealed class TelegramUpdateService(
    TelegramUpdateProcessor processor,
    IChatInbox inbox,
    IOutbox outbox,
    TelegramSignals signals,
    TelegramConnection connection,
    TimeProvider time,
    ILogger<TelegramUpdateService> logger) : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    // Telegram repeats an update for at most a day; a week of memory is plenty to recognise repeats.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wakeUp = signals.Updates.Current;
            try
            {
                var (processed, blocked) = await processor.ProcessPendingAsync(stoppingToken);
                await PurgeIfDueAsync(stoppingToken);
                if (processed > 0 && !blocked)
                {
                    continue;
                }

                await signals.Updates.WaitAsync(wakeUp, blocked ? RetryWait : IdleWait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                TelegramLog.WorkerFailed(logger, "update processor", connection.Describe(ex));
                await Task.Delay(RetryWait, time, stoppingToken);
            }
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge < PurgeInterval)
        {
            return;
        }

        _lastPurge = now;
        await inbox.PurgeAsync(now - Retention, cancellationToken);
        await outbox.PurgeAsync(now - Retention, cancellationToken);
    }
}

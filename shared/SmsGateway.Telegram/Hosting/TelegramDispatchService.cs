using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Posting;

namespace SmsGateway.Telegram.Hosting;

/// <summary>Runs the <see cref="TelegramDispatcher"/>: at once when items are added, otherwise when the next one is due.</summary>
public sealed class TelegramDispatchService(
    TelegramDispatcher dispatcher,
    TelegramSignals signals,
    TelegramConnection connection,
    TimeProvider time,
    ILogger<TelegramDispatchService> logger) : BackgroundService
{
    // Also the longest sleep: locks that a crashed delivery left behind expire without a signal.
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wakeUp = signals.Outbox.Current;
            try
            {
                var wait = await dispatcher.DispatchDueAsync(stoppingToken);
                await signals.Outbox.WaitAsync(wakeUp, wait is { } due && due < IdleWait ? due : IdleWait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                TelegramLog.WorkerFailed(logger, "dispatcher", connection.Describe(ex));
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }
}

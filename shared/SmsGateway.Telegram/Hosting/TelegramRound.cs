using Microsoft.Extensions.Logging;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Outbound;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Telegram.Hosting;

/// <summary>
/// One round of the bridge's work for hosts without background workers (the cloud functions): act on the
/// recorded updates, then deliver what the outbox holds, waiting for items that come due within a budget
/// (a 429's retry_after, the per-chat interval). What is left waits, durably, for the next round.
/// </summary>
public sealed class TelegramRound(
    TelegramUpdateProcessor processor,
    TelegramDispatcher dispatcher,
    TelegramConnection connection,
    TimeProvider time,
    ILogger<TelegramRound> logger)
{
    /// <summary>
    /// Runs the round; never throws but for cancellation, because the work is durable and a failed round is
    /// only a late one. Returns false when a step failed.
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan waitBudget, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + waitBudget;
        try
        {
            while (await processor.ProcessPendingAsync(cancellationToken) is { Processed: > 0, Blocked: false })
            {
            }

            while (await dispatcher.DispatchDueAsync(cancellationToken) is { } wait)
            {
                var left = deadline - time.GetUtcNow();
                if (wait > left || (wait == TimeSpan.Zero && left < TimeSpan.Zero))
                {
                    break;
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.WorkerFailed(logger, "round", connection.Describe(ex));
            return false;
        }
    }
}

using Microsoft.Extensions.Logging;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Posting;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Telegram.Hosting;

/// <summary>
/// One round of the bridge's work for hosts without background workers (the cloud functions): act on the
/// recorded updates, then deliver what the outbox holds, waiting for items that come due within a budget
/// (a 429's retry_after, the per-chat interval). What is left waits, durably, for the next round. In one process
/// updates are processed by one round at a time (the processor keeps its per-update failure counts in memory);
/// delivering may overlap, as outbox leases keep each item to one sender. Rounds in other instances are safe
/// because every action is idempotent.
/// </summary>
public sealed class TelegramRound(
    TelegramUpdateProcessor processor,
    TelegramDispatcher dispatcher,
    TelegramConnection connection,
    TimeProvider time,
    ILogger<TelegramRound> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>
    /// Runs the round; never throws but for cancellation, because the work is durable and a failed round is
    /// only a late one. Returns false when a step failed.
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan waitBudget, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + waitBudget;
        try
        {
            await ProcessUpdatesAsync(cancellationToken);

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

    private async Task ProcessUpdatesAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            while (await processor.ProcessPendingAsync(cancellationToken) is { Processed: > 0, Blocked: false })
            {
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}

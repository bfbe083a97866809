using Microsoft.Azure.Functions.Worker;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Functions.Telegram;

/// <summary>
/// Every 30 seconds: the bridge's catch-up round. Acts on updates a failed webhook call left in the inbox and
/// delivers outbox items that were rescheduled (a 429's retry_after, an outage's backoff), waiting up to
/// <see cref="WaitBudget"/> for items due soon. Off (returns at once) when the bridge is off.
/// </summary>
public sealed class TelegramOutboxFunction(TelegramRound? round = null)
{
    /// <summary>Every 30 seconds (NCRONTAB with seconds).</summary>
    public const string Schedule = "*/30 * * * * *";

    /// <summary>Below the schedule's period, so one round ends before the next starts.</summary>
    public static readonly TimeSpan WaitBudget = TimeSpan.FromSeconds(20);

    [Function("TelegramOutbox")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (round is not null)
        {
            await round.RunAsync(WaitBudget, cancellationToken);
        }
    }
}

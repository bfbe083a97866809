using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Functions.Maintenance;

/// <summary>
/// Daily: forgets bookkeeping older than <c>Housekeeping:Retention</c> so the tables stay small: the agent-event
/// ledger, processed Telegram updates and settled outbox items. Pending items are never touched. Per-number
/// counts are forgotten once they are out of the sliding hour (two hours old), whatever the retention.
/// </summary>
public sealed partial class HousekeepingFunction(
    IEventLedger ledger,
    IChatInbox chatInbox,
    IOutbox outbox,
    ISharedDestinationCounter destinationCounts,
    IOptions<HousekeepingOptions> options,
    TimeProvider time,
    ILogger<HousekeepingFunction> logger)
{
    /// <summary>Daily at 03:17 UTC (NCRONTAB with seconds), off the hour when other jobs crowd.</summary>
    public const string Schedule = "0 17 3 * * *";

    [Function("Housekeeping")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var events = await ledger.PurgeAsync(cutoff, cancellationToken);
        var updates = await chatInbox.PurgeAsync(cutoff, cancellationToken);
        var items = await outbox.PurgeAsync(cutoff, cancellationToken);
        var counts = await destinationCounts.PurgeAsync(time.GetUtcNow() - (2 * HourWindow.Length), cancellationToken);
        LogPurged(logger, events, updates, items, counts);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Housekeeping forgot {Events} agent event id(s), {Updates} Telegram update(s), {Items} outbox item(s) and {Counts} per-number hourly count(s)")]
    private static partial void LogPurged(ILogger logger, int events, int updates, int items, int counts);
}

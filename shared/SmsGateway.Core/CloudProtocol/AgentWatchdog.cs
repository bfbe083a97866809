using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// Looks for what nobody would otherwise notice in the cloud shape: agents gone silent, and destinations stuck
/// in <c>sending</c> (the agent took the queue item and never reported back). Raises a warning for each, with
/// ids only; the queue's own lock expiry redelivers the item, so the watchdog only reports.
/// </summary>
public sealed partial class AgentWatchdog(
    AgentMonitor monitor,
    IMessageStore store,
    IOptions<OutboundOptions> outbound,
    TimeProvider time,
    ILogger<AgentWatchdog> logger)
{
    /// <summary>How many messages in <c>sending</c> one round looks at; the oldest come first.</summary>
    public const int MaxScanned = 200;

    public async Task<WatchdogReport> CheckAsync(CancellationToken cancellationToken)
    {
        var health = await monitor.GetHealthAsync(cancellationToken);
        var silent = health.Agents.Where(a => !a.Online).ToList();
        foreach (var agent in silent)
        {
            LogAgentSilent(logger, agent.AgentId, agent.State?.LastSeenAt);
        }

        var cutoff = time.GetUtcNow() - outbound.Value.LockDuration;
        var stuck = new List<StuckDestination>();
        foreach (var id in await store.FindWithDestinationStatusAsync(DestinationStatus.Sending, MaxScanned, cancellationToken))
        {
            // The message's UpdatedAt is the newest change of any destination: a destination is stuck at the latest since then.
            var stored = await store.GetAsync(id, cancellationToken);
            if (stored is null || stored.Message.UpdatedAt > cutoff)
            {
                continue;
            }

            for (var i = 0; i < stored.Message.Destinations.Count; i++)
            {
                if (stored.Message.Destinations[i].Status == DestinationStatus.Sending)
                {
                    stuck.Add(new StuckDestination(id, i, stored.Message.UpdatedAt));
                    LogStuckSending(logger, id, i, stored.Message.UpdatedAt, stored.Message.Destinations[i].Attempts);
                }
            }
        }

        return new WatchdogReport(silent.Select(a => a.AgentId).ToList(), stuck);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Agent {AgentId} is silent: last heartbeat received {LastSeenAt}")]
    private static partial void LogAgentSilent(ILogger logger, string agentId, DateTimeOffset? lastSeenAt);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Message {MessageId} destination {Index} is stuck in sending since {Since} (attempt {Attempts}); its agent did not report back within the lock duration")]
    private static partial void LogStuckSending(ILogger logger, string messageId, int index, DateTimeOffset since, int attempts);
}

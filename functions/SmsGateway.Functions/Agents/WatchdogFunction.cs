using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Functions.Agents;

/// <summary>Every 5 minutes: warns about agents gone silent and destinations stuck in <c>sending</c> (ids only).</summary>
public sealed class WatchdogFunction(AgentWatchdog watchdog)
{
    /// <summary>Every 5 minutes (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 */5 * * * *";

    [Function("Watchdog")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await watchdog.CheckAsync(cancellationToken);
}

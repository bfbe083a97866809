using Microsoft.Extensions.Options;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Outbox;

namespace SmsGateway.Agent.Cloud;

/// <summary>Runs the <see cref="AgentEventsDrainer"/>: at once when an event is queued, otherwise when the next one is due.</summary>
public sealed partial class AgentEventsDrainService(
    AgentEventsDrainer drainer,
    [FromKeyedServices(AgentEventOutbox.SignalKey)] WakeUpSignal signal,
    IOutbox outbox,
    IOptions<CloudOptions> options,
    TimeProvider time,
    ILogger<AgentEventsDrainService> logger) : BackgroundService
{
    // Also the longest sleep: locks a crash left behind expire without a signal.
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Taken before draining: an event queued while the drain runs still ends the wait below.
                var queued = signal.Current;
                var wait = await drainer.DrainOnceAsync(stoppingToken);
                if (time.GetUtcNow() >= nextPurge)
                {
                    // Nobody else purges in cloud mode (the Telegram bridge, which does in standalone, is off).
                    await outbox.PurgeAsync(time.GetUtcNow() - options.Value.DeliveredRetention, stoppingToken);
                    nextPurge = time.GetUtcNow() + PurgeEvery;
                }

                if (wait == TimeSpan.Zero)
                {
                    continue;
                }

                await signal.WaitAsync(queued, wait is { } due && due < IdleWait ? due : IdleWait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDrainFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 7111, Level = LogLevel.Error, Message = "The events drain pass failed; the events stay in the outbox")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}

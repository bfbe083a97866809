using Microsoft.Extensions.Options;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// Queues a heartbeat every <c>Cloud:HeartbeatInterval</c>. While one is still waiting for the cloud no
/// other is added: an outage then leaves one stale heartbeat behind, not one per minute.
/// </summary>
public sealed partial class HeartbeatService(
    AgentEventOutbox events,
    ISmsModem modem,
    IOutboundQueue queue,
    IOptions<CloudOptions> options,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogHeartbeatFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Queues one heartbeat unless the previous one is still pending; true when one was queued.</summary>
    public async Task<bool> BeatAsync(CancellationToken cancellationToken)
    {
        if (await events.HasPendingAsync(AgentEventOutbox.HeartbeatChannel, cancellationToken))
        {
            return false;
        }

        var status = modem.Status;
        var counts = await queue.CountAsync(cancellationToken);
        var now = events.Now;
        return await events.EnqueueAsync(AgentEventOutbox.HeartbeatChannel, new AgentHeartbeat
        {
            EventId = AgentEventOutbox.NewEventId(now),
            OccurredAt = now,
            AgentId = options.Value.AgentId!,
            Modem = new AgentModemSnapshot
            {
                Connected = status.Connected,
                Registered = status.Registered,
                Model = status.Model,
                Operator = status.Operator,
                SignalDbm = status.SignalDbm,
            },

            // Unknown counts (no Manage right) are reported as 0: the contract refuses negative ones.
            QueueDepth = Count(counts.Depth),
            DeadLettered = Count(counts.DeadLettered),
        }, dedupeKey: null, cancellationToken);
    }

    private static int Count(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "Could not queue a heartbeat; the next one comes at the next interval")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}

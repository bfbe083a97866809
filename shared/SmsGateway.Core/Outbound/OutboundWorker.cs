using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;
using SmsGateway.Core.Queue;

namespace SmsGateway.Core.Outbound;

/// <summary>
/// Takes items from the queue one at a time (a modem sends one SMS at a time) and hands them to
/// the <see cref="OutboundProcessor"/>. It waits on the queue, not on a timer, so a new item is
/// sent the moment it is queued.
/// </summary>
public sealed partial class OutboundWorker(
    IOutboundQueue queue,
    OutboundProcessor processor,
    ModemCircuit circuit,
    IOptions<OutboundOptions> options,
    TimeProvider time,
    ILogger<OutboundWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PauseAfterError = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CircuitPoll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Without a modem nothing is taken, so no attempt is charged for it. Before the
                // modem's first connection that is just start-up; a modem lost later counts
                // against the breaker, which opens like it would for failing sends.
                var modem = circuit.Modem.Status;
                if (!modem.Connected)
                {
                    // Its identity is known once the modem has been connected in this run.
                    if (modem.Model is not null || modem.Imei is not null)
                    {
                        await circuit.RecordUnavailableAsync(stoppingToken);
                    }

                    await Task.Delay(CircuitPoll, time, stoppingToken);
                    continue;
                }

                // While the circuit is open nothing is taken: messages wait in the queue, uncharged.
                if (!await circuit.TryCloseAsync(stoppingToken))
                {
                    await Task.Delay(CircuitPoll, time, stoppingToken);
                    continue;
                }

                var lease = await queue.ReceiveAsync(options.Value.LockDuration, MaxWait, stoppingToken);
                if (lease is not null)
                {
                    await processor.ProcessAsync(lease, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The item stays locked and comes back when its lock expires; nothing is lost.
                LogWorkerError(logger, ex);
                await Task.Delay(PauseAfterError, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "The outbound worker failed to process an item; it will be received again")]
    private static partial void LogWorkerError(ILogger logger, Exception exception);
}

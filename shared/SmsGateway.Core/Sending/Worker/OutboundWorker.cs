using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// Takes items from the queue and hands them to the modem one at a time (a modem sends one SMS at a
/// time). It waits on the queue, not on a timer, so a new item is sent the moment it is queued. The next
/// SMS goes to the modem only once the previous one's outcome (<c>sent</c> and its part references, or the
/// failure) is durable, so a crash can leave at most the one SMS on the air unrecorded, and at most that one
/// is sent twice. The rest of the database work is done while an SMS is on the air: the previous item's
/// completion, and the next item's receive and <c>sending</c>. Under <c>Outbound:AfterCrash=unknown</c> the
/// next item is not marked <c>sending</c> ahead: after a crash, <c>unknown</c> must mean "handed to the
/// modem", not "taken ahead".
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
        // A stop lets the SMS on the air finish and its outcome be recorded, for up to Outbound:StopGrace, rather
        // than cutting it off in the ambiguous window (a resend after the restart, or an "unknown"). Made with the
        // TimeProvider, so CancelAfter times the grace on that clock (a test's fake one too), not on a system timer.
        using var sendStop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var graceOnStop = stoppingToken.Register(() => sendStop.CancelAfter(options.Value.StopGrace));
        var sendToken = sendStop.Token;
        PreparedSend? next = null;

        // The previous item's outcome record (the next send waits for it) and its queue settlement (it does not).
        var recorded = Task.FromResult<QueueSettlement?>(null);
        var settled = Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await ModemReadyAsync(stoppingToken))
                    {
                        // The item taken ahead goes back untried and uncharged.
                        await settled;
                        if (next is not null)
                        {
                            await processor.ReleaseAsync(next, stoppingToken);
                            next = null;
                        }

                        await Task.Delay(CircuitPoll, time, stoppingToken);
                        continue;
                    }

                    // Under at-most-once "sending" must mean "handed to the modem": the next item is marked only once the
                    // previous outcome is durable, or a crash in between leaves it "unknown" though it never left.
                    if (options.Value.AfterCrash == AfterCrashPolicy.Unknown)
                    {
                        await recorded;
                    }

                    var current = next ?? await ReceiveAsync(MaxWait, stoppingToken);
                    next = null;
                    if (current is null)
                    {
                        continue;
                    }

                    // Only one SMS may be on the air without its outcome recorded: a crash can then double only that one.
                    await recorded;
                    var sending = processor.SendAsync(current, sendToken);
                    await settled;
                    next = await ReceiveAheadAsync(stoppingToken);
                    var outcome = await sending;

                    // On the thread pool: SQLite commits synchronously, and the loop must not wait for it here.
                    recorded = Task.Run(() => RecordAsync(current, outcome, sendToken), CancellationToken.None);
                    settled = SettleAsync(current, recorded, sendToken);
                }
                catch (OperationCanceledException) when (sendToken.IsCancellationRequested)
                {
                    return;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: nothing on the air is left unfinished (ReceiveAheadAsync gives up quietly).
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
        finally
        {
            await settled;
            if (next is not null)
            {
                await ReleaseQuietlyAsync(next);
            }
        }
    }

    /// <summary>
    /// Without a modem nothing is taken, so no attempt is charged for it. Before the modem's first
    /// connection that is just start-up; a modem lost later counts against the breaker, which opens like
    /// it would for failing sends. While the circuit is open nothing is taken either: messages wait in
    /// the queue, uncharged.
    /// </summary>
    private async Task<bool> ModemReadyAsync(CancellationToken cancellationToken)
    {
        var modem = circuit.Modem.Status;
        if (!modem.Connected)
        {
            // Its identity is known once the modem has been connected in this run.
            if (modem.Model is not null || modem.Imei is not null)
            {
                await circuit.RecordUnavailableAsync(cancellationToken);
            }

            return false;
        }

        return await circuit.TryCloseAsync(cancellationToken);
    }

    private async Task<PreparedSend?> ReceiveAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var lease = await queue.ReceiveAsync(options.Value.LockDuration, maxWait, cancellationToken);
        return lease is null ? null : await processor.PrepareAsync(lease, cancellationToken);
    }

    // Beside a send under way, whose outcome must still be finished: a failure here only means no item ahead.
    private async Task<PreparedSend?> ReceiveAheadAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AfterCrash == AfterCrashPolicy.Unknown)
        {
            return null;
        }

        try
        {
            return await ReceiveAsync(TimeSpan.Zero, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping while a send is on the air: that send still gets its grace. An item received but not
            // prepared stays locked until the next start releases it.
            return null;
        }
        catch (Exception ex)
        {
            LogWorkerError(logger, ex);
            return null;
        }
    }

    // Runs beside the next receive, so its failure is logged here rather than thrown into the loop. Null: not recorded.
    private async Task<QueueSettlement?> RecordAsync(PreparedSend prepared, SendOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.RecordAsync(prepared, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The item stays locked and "sending", and comes back when its lock expires; nothing is lost.
            LogWorkerError(logger, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the item comes back on the next start.
        }

        return null;
    }

    // Runs beside the next send: the item's fate is durable on its destination, so its settlement need not hold the modem.
    private async Task SettleAsync(PreparedSend prepared, Task<QueueSettlement?> recorded, CancellationToken cancellationToken)
    {
        if (await recorded is not { } settlement)
        {
            return;
        }

        try
        {
            await processor.SettleAsync(prepared, settlement, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The item stays locked and comes back when its lock expires, and is then settled from its recorded state.
            LogWorkerError(logger, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the item comes back on the next start and is settled from its recorded state.
        }
    }

    private async Task ReleaseQuietlyAsync(PreparedSend prepared)
    {
        try
        {
            await processor.ReleaseAsync(prepared, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Left locked and "sending": it is sent again (once) after its lock expires.
            LogWorkerError(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "The outbound worker failed to process an item; it will be received again")]
    private static partial void LogWorkerError(ILogger logger, Exception exception);
}

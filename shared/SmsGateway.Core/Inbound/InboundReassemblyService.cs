using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Inbound;

/// <summary>
/// Releases multipart SMS whose missing parts did not come within the reassembly timeout, and at start
/// finishes releases that a crash interrupted.
/// </summary>
public sealed partial class InboundReassemblyService(
    InboundAssembler assembler,
    IOptions<InboundOptions> options,
    TimeProvider time,
    ILogger<InboundReassemblyService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A tenth of the timeout keeps a message's extra wait small; never busier than once a second.
        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.ReassemblyTimeout.Ticks / 10, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute / 2));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await assembler.ReleaseDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing is lost: the sets stay in the store and the next round tries again.
                LogReleaseFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Releasing overdue multipart SMS failed; trying again later")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Hosting;

namespace SmsGateway.Core.Receiving.Inbound;

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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A tenth of the timeout keeps a message's extra wait small; never busier than once a second.
        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.ReassemblyTimeout.Ticks / 10, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute / 2));

        // Nothing is lost on a failed round: the sets stay in the store and the next round tries again.
        return PeriodicWork.RunAsync(period, time, assembler.ReleaseDueAsync, ex => LogReleaseFailed(logger, ex), stoppingToken);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Releasing overdue multipart SMS failed; trying again later")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

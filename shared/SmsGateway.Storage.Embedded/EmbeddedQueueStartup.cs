using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// At start-up, releases the queue locks that a previous run (stopped or killed mid-send) still
/// holds, so its work resumes at once instead of after the lock duration.
/// </summary>
internal sealed partial class EmbeddedQueueStartup(SqliteOutboundQueue queue, ILogger<EmbeddedQueueStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var released = await queue.ReleaseLocksOfPreviousRunAsync(cancellationToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Resuming {Count} queue item(s) that were in progress when the gateway last stopped")]
    private static partial void LogReleased(ILogger logger, int count);
}

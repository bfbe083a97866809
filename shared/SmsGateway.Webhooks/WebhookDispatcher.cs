using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// Runs <see cref="WebhookOptions.MaxConcurrencyPerEndpoint"/> delivery loops per enabled endpoint, each taking one due
/// delivery at a time. An endpoint's loops wait only on that endpoint, so a dead or slow receiver holds up neither the
/// modem (events are stored with the change, never sent inline) nor any other endpoint.
/// </summary>
public sealed partial class WebhookDispatcher(
    IWebhookStore store,
    WebhookDeliverer deliverer,
    ConfiguredWebhookEndpoints configured,
    WebhookWakeUp wakeUp,
    WebhookMetrics metrics,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Hourly is plenty: a purge only keeps the file from growing with delivered events.
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly Dictionary<string, EndpointLoops> _running = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>
    /// Writes the configured endpoints before the host goes on starting: an event stored from then on (the modem and the
    /// API start later) has its deliveries to them, including an SMS read off the SIM at start. What the previous run
    /// had in flight when it stopped or was killed is due again at once.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await configured.SyncAsync(cancellationToken);
        await store.ReleaseLeasesAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var since = wakeUp.Endpoints.Current;
                try
                {
                    await ReconcileAsync(settings, stoppingToken);
                    metrics.ReportBacklog(await store.CountDeliveriesAsync(stoppingToken));
                    if (time.GetUtcNow() - _lastPurge >= PurgeInterval)
                    {
                        _lastPurge = time.GetUtcNow();
                        await store.PurgeAsync(_lastPurge - settings.KeepDelivered, stoppingToken);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, ex);
                }

                await wakeUp.Endpoints.WaitAsync(since, settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is in flight is cut off below; its lease runs out and it is sent again after the restart.
        }
        finally
        {
            await Task.WhenAll(_running.Values.Select(l => l.StopAsync()));
            _running.Clear();
        }
    }

    private async Task ReconcileAsync(WebhookOptions settings, CancellationToken stoppingToken)
    {
        var enabled = (await store.ListEndpointsAsync(stoppingToken)).Where(e => e.Enabled).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _running.Keys.Where(id => !enabled.Contains(id)).ToList())
        {
            await _running[id].StopAsync();
            _running.Remove(id);
        }

        foreach (var id in enabled.Where(id => !_running.ContainsKey(id)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var loops = Enumerable.Range(0, settings.MaxConcurrencyPerEndpoint).Select(_ => RunLoopAsync(id, settings.PollInterval, stop.Token)).ToArray();
            _running[id] = new EndpointLoops(stop, loops);
        }
    }

    private async Task RunLoopAsync(string endpointId, TimeSpan poll, CancellationToken cancellationToken)
    {
        // Off the reconciling thread: a loop's first attempt may take the whole request timeout.
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            var since = wakeUp.Events.Current;
            try
            {
                if (await deliverer.DeliverNextAsync(endpointId, cancellationToken))
                {
                    continue;
                }

                var next = await store.NextDueAsync(endpointId, cancellationToken);
                var wait = next - time.GetUtcNow() is { } until && until > TimeSpan.Zero && until < poll ? until : poll;
                await wakeUp.Events.WaitAsync(since, wait, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store failed (disk full, locked): wait a round, the leased delivery comes back when its lock ends.
                LogLoopFailed(logger, endpointId, ex);
                try
                {
                    await Task.Delay(poll, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private sealed record EndpointLoops(CancellationTokenSource Stop, Task[] Loops)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            await Task.WhenAll(Loops);
            Stop.Dispose();
        }
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Error, Message = "Webhook dispatcher round failed; trying again at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Error, Message = "Webhook delivery loop for {EndpointId} failed; trying again at the next poll")]
    private static partial void LogLoopFailed(ILogger logger, string endpointId, Exception exception);
}

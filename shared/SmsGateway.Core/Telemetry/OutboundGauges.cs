using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Telemetry;

/// <summary>
/// The gauges of a host that owns the queue and a modem: queue depth, dead letters and signal strength.
/// Gauge callbacks are synchronous and run on every scrape, so the queue is counted here on a timer
/// and the callbacks only read the last count.
/// </summary>
public sealed partial class OutboundGauges : BackgroundService
{
    /// <summary>How often the queue is counted: fresh enough for a dashboard, cheap for SQLite.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly IOutboundQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboundGauges> _logger;
    private QueueCounts? _counts;

    public OutboundGauges(GatewayMetrics metrics, IOutboundQueue queue, ISmsModem modem, TimeProvider time, ILogger<OutboundGauges> logger)
    {
        _queue = queue;
        _time = time;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("smsgateway.queue.depth", () => Observe(c => c.Depth), "{message}", "SMS waiting in the outbound queue (refreshed every 10 s).");
        metrics.Meter.CreateObservableGauge("smsgateway.queue.dead_lettered", () => Observe(c => c.DeadLettered), "{message}", "SMS in the dead letters (refreshed every 10 s).");
        metrics.Meter.CreateObservableGauge("smsgateway.modem.signal", () => ObserveSignal(modem), "dBm", "Received signal strength of the modem.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, _time);
        do
        {
            try
            {
                Volatile.Write(ref _counts, await _queue.CountAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A gauge is not worth stopping the host for; the last count stays until the next one works.
                LogCountFailed(_logger, ex);
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

    private IEnumerable<Measurement<long>> Observe(Func<QueueCounts, long> value) =>
        Volatile.Read(ref _counts) is { } counts ? [new Measurement<long>(value(counts))] : [];

    private static IEnumerable<Measurement<int>> ObserveSignal(ISmsModem modem) =>
        modem.Status is { Connected: true, SignalDbm: { } dbm } ? [new Measurement<int>(dbm)] : [];

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Could not count the outbound queue for the metrics")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}

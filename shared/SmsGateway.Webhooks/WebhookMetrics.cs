using System.Diagnostics.Metrics;
using SmsGateway.Core.Telemetry;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// The webhook instruments, on the gateway's meter: attempts by result, the time a receiver took, events given up on and
/// the backlog of pending deliveries. The counters start at 0 for every result so that a dashboard shows a series
/// (and an alert on its rate works) before the first event.
/// </summary>
public sealed class WebhookMetrics
{
    private static readonly string[] Results = ["delivered", "failed", "gone"];

    // A receiver on the LAN answers in milliseconds; the request timeout ends the scale.
    private static readonly double[] LatencyBucketsMs = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _givenUp;
    private readonly Histogram<double> _latency;
    private IReadOnlyList<WebhookBacklog> _backlog = [];

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _deliveries = meter.CreateCounter<long>("smsgateway.webhook.deliveries", "{attempt}", "Webhook POSTs by result: delivered (2xx), failed (tried again), gone (410, endpoint disabled).");
        _givenUp = meter.CreateCounter<long>("smsgateway.webhook.given_up", "{event}", "Webhook events kept as failed after the retry period.");
        _latency = meter.CreateHistogram(
            "smsgateway.webhook.latency",
            "ms",
            "Time a webhook receiver took to answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        meter.CreateObservableGauge("smsgateway.webhook.backlog", ObserveBacklog, "{event}", "Webhook deliveries pending, per endpoint (refreshed by the dispatcher).");
        foreach (var result in Results)
        {
            _deliveries.Add(0, new KeyValuePair<string, object?>("result", result));
        }

        _givenUp.Add(0);
    }

    public void Attempted(WebhookAttempt attempt, TimeSpan took)
    {
        var result = attempt switch
        {
            WebhookAttempt.Delivered => "delivered",
            WebhookAttempt.Gone => "gone",
            _ => "failed",
        };
        _deliveries.Add(1, new KeyValuePair<string, object?>("result", result));
        _latency.Record(took.TotalMilliseconds);
    }

    public void GaveUp() => _givenUp.Add(1);

    /// <summary>The deliveries per endpoint, as last counted.</summary>
    public void ReportBacklog(IReadOnlyList<WebhookBacklog> backlog) => Volatile.Write(ref _backlog, backlog);

    private IEnumerable<Measurement<int>> ObserveBacklog()
    {
        var backlog = Volatile.Read(ref _backlog);
        return backlog.Count == 0
            ? [new Measurement<int>(0)]
            : backlog.Select(b => new Measurement<int>(b.Pending, new KeyValuePair<string, object?>("endpoint", b.EndpointId)));
    }
}

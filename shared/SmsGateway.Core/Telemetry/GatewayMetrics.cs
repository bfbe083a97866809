using System.Diagnostics.Metrics;
using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Telemetry;

/// <summary>
/// The gateway's metrics on the <c>SmsGateway</c> meter. Counts are per destination (one SMS to one
/// number), so accepted, sent, delivered and failed add up. Created through <see cref="IMeterFactory"/>
/// so that every host (and every test host) has its own instruments.
/// </summary>
public sealed class GatewayMetrics
{
    // From a quick send (sub-second) to one that waited out retries or a full queue (an hour).
    private static readonly double[] LatencyBucketsMs =
        [50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000];

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _undelivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _sendLatency;
    private int _circuitState = -1;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(GatewayTelemetry.Name);
        _accepted = Meter.CreateCounter<long>("smsgateway.messages.accepted", "{message}", "SMS accepted by intake, one per destination.");
        _sent = Meter.CreateCounter<long>("smsgateway.messages.sent", "{message}", "SMS the modem accepted for sending.");
        _delivered = Meter.CreateCounter<long>("smsgateway.messages.delivered", "{message}", "SMS the network reported as delivered.");
        _undelivered = Meter.CreateCounter<long>("smsgateway.messages.undelivered", "{message}", "SMS the network reported as not deliverable.");
        _failed = Meter.CreateCounter<long>("smsgateway.messages.failed", "{attempt}", "Send attempts that failed; 'retry' says whether another attempt follows.");
        _deadLettered = Meter.CreateCounter<long>("smsgateway.messages.dead_lettered", "{message}", "SMS given up on and moved to the dead letters.");
        _sendLatency = Meter.CreateHistogram(
            "smsgateway.send.latency",
            "ms",
            "Time from accepting a message to the modem sending it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        Meter.CreateObservableGauge("smsgateway.circuit.state", ObserveCircuitState, "{state}", "The modem circuit breaker: 0 closed, 1 open, 2 half-open, 3 isolated.");
        StartAtZero();
    }

    /// <summary>The meter, for gauges that other components observe.</summary>
    public Meter Meter { get; }

    public void Accepted(int destinations, MessageOrigin origin) =>
        _accepted.Add(destinations, new KeyValuePair<string, object?>("origin", origin.ToString().ToLowerInvariant()));

    public void Sent(TimeSpan sinceAccepted)
    {
        _sent.Add(1);
        _sendLatency.Record(Math.Max(0, sinceAccepted.TotalMilliseconds));
    }

    public void Delivered() => _delivered.Add(1);

    public void Undelivered() => _undelivered.Add(1);

    public void SendFailed(bool retry) => _failed.Add(1, new KeyValuePair<string, object?>("retry", retry));

    public void DeadLettered() => _deadLettered.Add(1);

    /// <summary>
    /// The hook for the modem's circuit breaker: report each state change (numbered like Polly's
    /// <c>CircuitState</c>: 0 closed, 1 open, 2 half-open, 3 isolated). Nothing is exported before the first report;
    /// the circuit reports closed as it is built.
    /// </summary>
    public void ReportCircuitState(int state) => Volatile.Write(ref _circuitState, state);

    // Every counter's series exists from the start with 0, so a dashboard's rate() and an alert on "failed > 0"
    // see a series before the first event instead of none (a missing series is not a zero).
    private void StartAtZero()
    {
        foreach (var origin in Enum.GetValues<MessageOrigin>())
        {
            Accepted(0, origin);
        }

        _sent.Add(0);
        _delivered.Add(0);
        _undelivered.Add(0);
        _failed.Add(0, new KeyValuePair<string, object?>("retry", true));
        _failed.Add(0, new KeyValuePair<string, object?>("retry", false));
        _deadLettered.Add(0);
    }

    private IEnumerable<Measurement<int>> ObserveCircuitState()
    {
        var state = Volatile.Read(ref _circuitState);
        return state < 0 ? [] : [new Measurement<int>(state)];
    }
}

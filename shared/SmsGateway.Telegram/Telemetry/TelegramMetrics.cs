using System.Diagnostics.Metrics;
using SmsGateway.Core.Telemetry;
using SmsGateway.Telegram.Posting;

namespace SmsGateway.Telegram.Telemetry;

/// <summary>The bridge's counters, on the gateway's meter so the same exporters pick them up.</summary>
public sealed class TelegramMetrics
{
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _deferred;

    public TelegramMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _dropped = meter.CreateCounter<long>("smsgateway.telegram.posts.dropped", "{post}", "Telegram posts dropped because the outbox was full.");
        _deferred = meter.CreateCounter<long>("smsgateway.telegram.updates.deferred", "{call}", "Times updates were left with Telegram (polling paused, webhook answered 503) because the inbox was full.");

        // Series exist at 0 from the start (a missing series is not a zero to an alert).
        foreach (var kind in Enum.GetValues<TelegramPostKind>())
        {
            _dropped.Add(0, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));
        }

        _deferred.Add(0);
    }

    public void PostDropped(string kind) => _dropped.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void UpdatesDeferred() => _deferred.Add(1);
}

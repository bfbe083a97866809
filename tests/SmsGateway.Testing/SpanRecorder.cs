using System.Collections.Concurrent;
using System.Diagnostics;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Testing;

/// <summary>Records every span of the gateway's ActivitySource that ends while it lives (tests run side by side: filter by message id).</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<Activity> Stopped => _stopped;

    /// <summary>The ended span named <paramref name="operation"/> tagged with <paramref name="messageId"/>, or null.</summary>
    public Activity? Find(string operation, string? messageId) =>
        _stopped.FirstOrDefault(a => a.OperationName == operation && Equals(a.GetTagItem("sms.message_id"), messageId));

    public void Dispose() => _listener.Dispose();
}

using System.Diagnostics;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Telemetry;

/// <summary>
/// The gateway's traces: one <see cref="ActivitySource"/> named <c>SmsGateway</c> with the spans
/// <c>sms.intake</c>, <c>sms.publish</c> and <c>sms.send</c>. The send span continues the trace of the
/// request that queued the SMS through <see cref="QueueItem.TraceParent"/>, even after a restart.
/// </summary>
public static class GatewayTelemetry
{
    /// <summary>The name of both the ActivitySource and the Meter; exporters subscribe to it.</summary>
    public const string Name = "SmsGateway";

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Starts the span of one send request (validation, storing, queueing).</summary>
    public static Activity? StartIntake() => Source.StartActivity("sms.intake");

    /// <summary>Starts the span of handing a message's items to the queue.</summary>
    public static Activity? StartPublish() => Source.StartActivity("sms.publish", ActivityKind.Producer);

    /// <summary>The W3C <c>traceparent</c> of the current span, to be carried in a queue envelope; null when nothing traces.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts the span of sending one queued SMS, as a child of the span that queued it when known.</summary>
    public static Activity? StartSend(QueueItem item)
    {
        ActivityContext.TryParse(item.TraceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity("sms.send", ActivityKind.Consumer, parent);
        activity?.SetTag("sms.message_id", item.MessageId);
        activity?.SetTag("sms.destination_index", item.DestinationIndex);
        return activity;
    }
}

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// Something that happened, to be told to the webhook endpoints that subscribed to its <see cref="Type"/>. Stored in the
/// same write as the change it reports, so it outlives a crash and keeps its <see cref="Id"/> (the <c>webhook-id</c>
/// header) across every retry and restart.
/// </summary>
/// <param name="Id">Unique and stable: <c>evt_</c> and a UUIDv7, so ids sort by creation time.</param>
/// <param name="Type">One of <see cref="WebhookEventTypes"/>.</param>
/// <param name="Timestamp">When the change happened.</param>
/// <param name="Subject">
/// What the event is about (a message and destination, an inbound SMS, the modem): events of one subject go to an
/// endpoint one after the other, in the order they happened (sent before delivered).
/// </param>
/// <param name="Data">The body's <c>data</c>.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Timestamp, string Subject, WebhookEventData Data)
{
    /// <summary>A new event id, taken at <paramref name="now"/>.</summary>
    public static string NewId(DateTimeOffset now) => "evt_" + Guid.CreateVersion7(now).ToString("N");

    /// <summary>The body POSTed to endpoints: <c>{"type", "timestamp", "data"}</c>.</summary>
    public WebhookPayload ToPayload() => new(Type, Timestamp, Data);
}

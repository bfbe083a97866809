using SmsGateway.Core.Webhooks;

namespace SmsGateway.Http.Webhooks;

/// <summary>One event's delivery to the endpoint, as <c>GET /api/webhooks/{id}/deliveries</c> lists it.</summary>
/// <param name="EventId">The event's id: the <c>webhook-id</c> header the receiver saw.</param>
/// <param name="Type">The event type.</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="CreatedAt">When the event happened.</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
/// <param name="LastError">The last failure, or why it was given up.</param>
/// <param name="DeliveredAt">When the receiver answered 2xx.</param>
public sealed record WebhookDeliveryResponse(
    string EventId,
    string Type,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery delivery) => new(
        delivery.EventId,
        delivery.Type,
        delivery.State.ToString().ToLowerInvariant(),
        delivery.Attempts,
        delivery.CreatedAt,
        delivery.NextAttemptAt,
        delivery.LastError,
        delivery.DeliveredAt);
}

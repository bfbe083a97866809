namespace SmsGateway.Http.Webhooks;

/// <summary><c>GET /api/webhooks/{id}/deliveries</c>: newest first.</summary>
public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items);

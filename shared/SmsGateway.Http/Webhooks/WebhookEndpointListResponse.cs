namespace SmsGateway.Http.Webhooks;

/// <summary><c>GET /api/webhooks</c>: every endpoint, oldest first.</summary>
public sealed record WebhookEndpointListResponse(IReadOnlyList<WebhookEndpointResponse> Items);

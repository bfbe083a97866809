namespace SmsGateway.Http.Webhooks;

/// <summary>The body of <c>POST /api/webhooks</c>: where to POST, which event types (or <c>["*"]</c>), and a note for people.</summary>
public sealed record WebhookEndpointBody(string Url, IReadOnlyList<string> Events, string? Description);

namespace SmsGateway.Agent.Api;

/// <summary>
/// One webhook endpoint in <c>GET /api/health</c>: only its id and counts (health is anonymous; the URL and the errors are
/// in <c>GET /api/webhooks/{id}/deliveries</c>). <see cref="Failing"/> while its receiver fails or it was disabled.
/// </summary>
public sealed record WebhookHealth(string Id, bool Enabled, bool Failing, int Pending, int Retrying, int Failed);

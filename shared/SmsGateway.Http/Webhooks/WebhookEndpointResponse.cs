using SmsGateway.Core.Webhooks;

namespace SmsGateway.Http.Webhooks;

/// <summary>An endpoint as <c>GET /api/webhooks</c> shows it: never its secret.</summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The subscribed event types, or <c>["*"]</c>.</param>
/// <param name="Description">The note given at creation.</param>
/// <param name="Enabled">False once the receiver answered 410 Gone.</param>
/// <param name="DisabledReason">Why it was disabled.</param>
/// <param name="Source"><c>api</c>, or <c>configuration</c> for <c>Webhooks:Endpoints</c> (changed only in the file).</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="PreviousSecretValidUntil">During a rotation: until when the old secret still signs beside the new one.</param>
public sealed record WebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretValidUntil)
{
    public static WebhookEndpointResponse From(WebhookEndpoint endpoint, DateTimeOffset now) => new(
        endpoint.Id,
        endpoint.Url.ToString(),
        endpoint.Events,
        endpoint.Description,
        endpoint.Enabled,
        endpoint.DisabledReason,
        endpoint.FromConfiguration ? "configuration" : "api",
        endpoint.CreatedAt,
        endpoint.PreviousSecretUntil > now ? endpoint.PreviousSecretUntil : null);
}

using System.Text.Json.Serialization;

namespace SmsGateway.Core.Webhooks;

/// <summary>A receiver of webhook events: where to POST, which types, and the secret that signs them.</summary>
public sealed record WebhookEndpoint
{
    /// <summary><c>wh_</c> and 32 hex digits; for an endpoint from configuration, <c>wh_config_</c> and its index.</summary>
    public required string Id { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Event types (<see cref="WebhookEventTypes"/>), or just <c>*</c> for all.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    public string? Description { get; init; }

    /// <summary><c>whsec_</c> and the base64 key; shown to the user only when the endpoint is created or rotated.</summary>
    public required string Secret { get; init; }

    /// <summary>The secret before the last rotation; it keeps signing beside <see cref="Secret"/> until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousSecretUntil { get; init; }

    /// <summary>Why deliveries stopped (the receiver answered <c>410 Gone</c>); null while it is enabled.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>True for endpoints declared under <c>Webhooks:Endpoints</c>: they follow the file and are not changed over HTTP.</summary>
    public bool FromConfiguration { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore]
    public bool Enabled => DisabledReason is null;

    /// <summary>Whether this endpoint subscribed to <paramref name="type"/>.</summary>
    public bool Wants(string type) => Events.Contains(WebhookEventTypes.Any) || Events.Contains(type);

    /// <summary>The secrets that sign a request sent at <paramref name="now"/>: the current one, and the previous one while it lasts.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretUntil > now ? [Secret, previous] : [Secret];
}

namespace SmsGateway.Core.Webhooks;

/// <summary>An endpoint's deliveries by state, for health and metrics.</summary>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="Pending">Not delivered yet (retrying included).</param>
/// <param name="Retrying">Pending after at least one failed attempt: the receiver is failing now.</param>
/// <param name="Failed">Given up on or left by a disabled endpoint; replayable.</param>
public sealed record WebhookBacklog(string EndpointId, int Pending, int Retrying, int Failed);

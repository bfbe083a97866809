namespace SmsGateway.Core.Webhooks;

/// <summary>
/// A pending delivery taken by the dispatcher. Nobody else takes it until <see cref="LockedUntil"/>; after that it is
/// due again, so a delivery interrupted by a crash is retried with the same event id and body.
/// </summary>
/// <param name="EndpointId">The receiving endpoint.</param>
/// <param name="EventId">The event's id: the <c>webhook-id</c> header.</param>
/// <param name="Type">The event's type.</param>
/// <param name="Body">The exact JSON body, as stored with the event; its bytes are what is signed.</param>
/// <param name="Attempts">Failed attempts before this one.</param>
/// <param name="RetriesSince">When the retry period began: when the event happened, or when it was last replayed.</param>
/// <param name="LockToken">Proves the lease is still current when it is settled.</param>
/// <param name="LockedUntil">When the lock ends.</param>
public sealed record WebhookDeliveryLease(
    string EndpointId,
    string EventId,
    string Type,
    string Body,
    int Attempts,
    DateTimeOffset RetriesSince,
    string LockToken,
    DateTimeOffset LockedUntil);

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// The webhook port: endpoints, the events stored for them and each event's delivery to each endpoint. Events of status
/// changes and inbound SMS are written by the message and inbound stores in the same transaction as the change; this
/// port appends the others (modem status) and works the deliveries.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Adds an endpoint; false when one with its id exists.</summary>
    Task<bool> AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>Makes the configured endpoints (<see cref="WebhookEndpoint.FromConfiguration"/>) exactly <paramref name="endpoints"/>.</summary>
    Task SyncConfiguredEndpointsAsync(IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> GetEndpointAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every endpoint, oldest first.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the endpoint's secrets and enabled state; false when there is no such endpoint.</summary>
    Task<bool> UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>Removes the endpoint and its deliveries; false when there was none.</summary>
    Task<bool> DeleteEndpointAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores events not written with a change of their own, with a pending delivery to each enabled endpoint that wants them.</summary>
    Task AppendAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> due deliveries of the endpoint, oldest first, skipping any whose subject has an
    /// earlier delivery still pending (so one subject's events arrive in order), and locks them.
    /// </summary>
    Task<IReadOnlyList<WebhookDeliveryLease>> LeaseDueAsync(string endpointId, int max, TimeSpan lockDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Releases every lease, due at once: called at start by the one process that owns the store, so what a killed run
    /// had in flight goes out again now (with the same event id) instead of when its lock would have ended.
    /// </summary>
    Task ReleaseLeasesAsync(CancellationToken cancellationToken);

    /// <summary>When the endpoint's next pending delivery is due, or null when it has none.</summary>
    Task<DateTimeOffset?> NextDueAsync(string endpointId, CancellationToken cancellationToken);

    /// <summary>Marks the delivery done. False when the lease was lost (another worker took it after its lock ran out).</summary>
    Task<bool> CompleteAsync(WebhookDeliveryLease lease, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; due again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> RescheduleAsync(WebhookDeliveryLease lease, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Gives up on the delivery, kept as failed with <paramref name="error"/> so it can be replayed.</summary>
    Task<bool> FailAsync(WebhookDeliveryLease lease, string error, CancellationToken cancellationToken);

    /// <summary>The endpoint's deliveries in <paramref name="state"/> (all when null), newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string endpointId, WebhookDeliveryState? state, int limit, CancellationToken cancellationToken);

    /// <summary>Makes a delivery pending and due now, with a fresh retry period; false when the endpoint never had that event.</summary>
    Task<bool> ReplayAsync(string endpointId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes deliveries delivered before <paramref name="deliveredBefore"/>, then every event no delivery refers to any
    /// more (all delivered and purged, or its endpoint deleted); returns how many deliveries went. Failed ones stay, to replay.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken);

    /// <summary>Per endpoint with any delivery: how many are pending, retrying (pending after a failed attempt) and failed.</summary>
    Task<IReadOnlyList<WebhookBacklog>> CountDeliveriesAsync(CancellationToken cancellationToken);
}

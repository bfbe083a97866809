namespace SmsGateway.Core.Webhooks;

/// <summary>One event's delivery to one endpoint, as operators list it.</summary>
public sealed record WebhookDelivery
{
    public required string EndpointId { get; init; }

    public required string EventId { get; init; }

    public required string Type { get; init; }

    public required WebhookDeliveryState State { get; init; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due (pending only).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The last failure: the status code the receiver answered, a timeout, a refused address.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }
}

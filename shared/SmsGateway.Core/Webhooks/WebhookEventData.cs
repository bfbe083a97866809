namespace SmsGateway.Core.Webhooks;

/// <summary>
/// The <c>data</c> of an event. One shape for every type, members absent (not null) where a type has no value for them,
/// so receivers read one schema; docs/webhooks.md shows which type carries what.
/// </summary>
public sealed record WebhookEventData
{
    /// <summary>The outbound message's id (message.*).</summary>
    public string? MessageId { get; init; }

    /// <summary>The destination's E.164 number (message.*).</summary>
    public string? Destination { get; init; }

    /// <summary>The destination's position in the message's <c>to</c> list, from 0 (message.*).</summary>
    public int? DestinationIndex { get; init; }

    /// <summary>The destination's status after the change, as <c>GET /api/messages/{id}</c> shows it (message.*).</summary>
    public string? Status { get; init; }

    /// <summary>Send attempts so far (message.*).</summary>
    public int? Attempts { get; init; }

    /// <summary>The client's own reference, when it sent one (the message's <c>Idempotency-Key</c>).</summary>
    public string? ClientReference { get; init; }

    /// <summary>Why it failed, as a stable class (<c>PermanentError</c>, <c>RetryLimitExceeded</c>) (message.failed).</summary>
    public string? ErrorClass { get; init; }

    /// <summary>What the error means, in words (message.failed, message.undelivered).</summary>
    public string? Error { get; init; }

    /// <summary>When the SMS left the modem (message.sent and later).</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the network confirmed delivery (message.delivered).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The inbound SMS's id, as <c>GET /api/inbound</c> shows it (sms.received).</summary>
    public string? InboundId { get; init; }

    /// <summary>The sender as the network gave it (sms.received).</summary>
    public string? From { get; init; }

    /// <summary>The text, reassembled from its parts (sms.received).</summary>
    public string? Text { get; init; }

    /// <summary>How many parts the sender announced (sms.received).</summary>
    public int? Parts { get; init; }

    /// <summary>False when parts were still missing at the reassembly timeout (sms.received).</summary>
    public bool? Complete { get; init; }

    /// <summary>The modem that sent or received, or whose status changed (its model as it reports it).</summary>
    public string? Modem { get; init; }

    /// <summary>Whether the modem is connected (modem.status).</summary>
    public bool? Connected { get; init; }

    /// <summary>The network operator the modem is registered with (modem.status).</summary>
    public string? Operator { get; init; }

    /// <summary>Received signal strength in dBm, when known (modem.status).</summary>
    public int? SignalDbm { get; init; }

    /// <summary>Why the modem is not usable, when it is not (modem.status).</summary>
    public string? Reason { get; init; }

    /// <summary>When the SMS was read from the modem (sms.received).</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

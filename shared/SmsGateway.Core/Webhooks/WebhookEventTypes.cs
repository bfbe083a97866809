namespace SmsGateway.Core.Webhooks;

/// <summary>The event types a webhook endpoint can subscribe to; receivers match on these strings.</summary>
public static class WebhookEventTypes
{
    /// <summary>A destination's SMS left the modem (all its parts were accepted by the network).</summary>
    public const string MessageSent = "message.sent";

    /// <summary>A status report confirmed delivery of every part to the phone.</summary>
    public const string MessageDelivered = "message.delivered";

    /// <summary>A status report said the SMS will not be delivered.</summary>
    public const string MessageUndelivered = "message.undelivered";

    /// <summary>The destination was dead-lettered: a permanent error or the retry limit; carries the error class and meaning.</summary>
    public const string MessageFailed = "message.failed";

    /// <summary>An SMS arrived (multipart reassembled).</summary>
    public const string SmsReceived = "sms.received";

    /// <summary>The modem connected or was lost.</summary>
    public const string ModemStatus = "modem.status";

    /// <summary>Subscribes to every event type.</summary>
    public const string Any = "*";

    /// <summary>Every type an endpoint may name, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MessageSent, MessageDelivered, MessageUndelivered, MessageFailed, SmsReceived, ModemStatus];

    /// <summary>Whether an endpoint's <c>events</c> may contain <paramref name="type"/> (a known type or <c>*</c>).</summary>
    public static bool IsSubscribable(string type) => type == Any || All.Contains(type, StringComparer.Ordinal);
}

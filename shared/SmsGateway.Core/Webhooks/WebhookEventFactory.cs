using System.Globalization;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// Turns the changes the gateway stores into the events it tells webhook endpoints about. Registered only where webhooks
/// are on, so the stores are handed events only then.
/// </summary>
public sealed class WebhookEventFactory(TimeProvider time)
{
    /// <summary>
    /// The event reporting that destination <paramref name="index"/> of <paramref name="message"/> moved from
    /// <paramref name="previous"/> to its current status, or null when that move is not one endpoints hear of
    /// (queued, sending, a retry, unknown after a crash).
    /// </summary>
    public WebhookEvent? ForStatusChange(Message message, int index, DestinationStatus previous)
    {
        var destination = message.Destinations[index];
        if (destination.Status == previous)
        {
            return null;
        }

        var type = destination.Status switch
        {
            DestinationStatus.Sent => WebhookEventTypes.MessageSent,
            DestinationStatus.Delivered => WebhookEventTypes.MessageDelivered,
            DestinationStatus.Undelivered => WebhookEventTypes.MessageUndelivered,
            DestinationStatus.Failed => WebhookEventTypes.MessageFailed,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        var data = new WebhookEventData
        {
            MessageId = message.Id,
            Destination = destination.Address,
            DestinationIndex = index,
            Status = destination.Status.ToString().ToLowerInvariant(),
            Attempts = destination.Attempts,
            ClientReference = message.IdempotencyKey,
            ErrorClass = destination.Status == DestinationStatus.Failed ? DeadLetterReasons.FromError(destination.Error) : null,
            Error = destination.Status is DestinationStatus.Failed or DestinationStatus.Undelivered ? destination.Error : null,
            SentAt = destination.SentAt,
            DeliveredAt = destination.DeliveredAt,
        };
        return New(type, MessageSubject(message.Id, index), data);
    }

    /// <summary>The event reporting a received (reassembled) SMS.</summary>
    public WebhookEvent ForInbound(InboundMessage message) =>
        New(WebhookEventTypes.SmsReceived, "inbound:" + message.Id, new WebhookEventData
        {
            InboundId = message.Id,
            From = message.Sender,
            Text = message.Text,
            Parts = message.Parts,
            Complete = message.Complete,
            ReceivedAt = message.ReceivedAt,
        });

    /// <summary>The event reporting that the modem connected or was lost.</summary>
    public WebhookEvent ForModemStatus(ModemStatus status) =>
        New(WebhookEventTypes.ModemStatus, "modem", new WebhookEventData
        {
            Modem = status.Model,
            Connected = status.Connected,
            Operator = status.Operator,
            SignalDbm = status.SignalDbm,
            Reason = status.Connected ? null : status.LastError,
        });

    private WebhookEvent New(string type, string subject, WebhookEventData data)
    {
        var now = time.GetUtcNow();
        return new WebhookEvent(WebhookEvent.NewId(now), type, now, subject, data);
    }

    /// <summary>The subject of a message destination's events, so they reach each endpoint in order.</summary>
    public static string MessageSubject(string messageId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"message:{messageId}:{index}");
}

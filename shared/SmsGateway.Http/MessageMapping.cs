using SmsGateway.Core.Domain;

namespace SmsGateway.Http;

/// <summary>Turns domain messages into API answers.</summary>
public static class MessageMapping
{
    public static MessageAcceptedResponse ToAccepted(Message message) => new(
        message.Id,
        ApiNames.Of(message.Status),
        ApiNames.Of(message.Encoding),
        message.Segments,
        message.Destinations.Select(d => new AcceptedDestination(d.Address, ApiNames.Of(d.Status))).ToList());

    public static MessageStatusResponse ToStatus(Message message) => new(
        message.Id,
        ApiNames.Of(message.Status),
        ApiNames.Of(message.Encoding),
        message.Segments,
        message.CreatedAt,
        message.UpdatedAt,
        message.Destinations.Select(d => new DestinationStatusResponse(
            d.Address,
            ApiNames.Of(d.Status),
            d.Attempts,
            d.Error,
            d.SentAt,
            d.DeliveredAt,
            d.NextAttemptAt)).ToList());
}

using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Policy;

/// <summary>Which of a stored message's destinations the sending limits count.</summary>
public static class ChargedDestinations
{
    /// <summary>The error a destination gets when intake stored the message and then found the queue full.</summary>
    public const string UnqueuedError = "The outbound queue was full.";

    /// <summary>
    /// Every destination except those failed because the queue refused them: that request was answered 503 and
    /// nothing was sent, so it costs the number and the client nothing (as the request did not, before a restart).
    /// </summary>
    public static IEnumerable<Destination> Of(Message message) =>
        message.Destinations.Where(d => !(d.Status == DestinationStatus.Failed && d.Error == UnqueuedError));
}

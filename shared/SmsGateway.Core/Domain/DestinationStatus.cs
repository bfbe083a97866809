namespace SmsGateway.Core.Domain;

/// <summary>
/// Where one destination of a message is in its life:
/// <c>queued → sending → sent → delivered | undelivered</c>, or <c>failed</c> with a reason.
/// </summary>
public enum DestinationStatus
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,
}

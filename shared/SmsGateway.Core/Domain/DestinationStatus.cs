namespace SmsGateway.Core.Domain;

/// <summary>
/// Where one destination of a message is in its life:
/// <c>queued → sending → sent → delivered | undelivered</c>, or <c>failed</c> with a reason, or
/// <c>unknown</c> when the gateway stopped mid-send and <c>Outbound:AfterCrash</c> is <c>unknown</c>.
/// </summary>
public enum DestinationStatus
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,

    /// <summary>
    /// The gateway stopped while this destination was <c>sending</c>, so whether the SMS left the modem is
    /// not known; with the at-most-once policy it is not sent again until a person replays it.
    /// </summary>
    Unknown,
}

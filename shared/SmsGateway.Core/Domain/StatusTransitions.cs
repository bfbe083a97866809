namespace SmsGateway.Core.Domain;

/// <summary>The legal moves of a destination's status.</summary>
public static class StatusTransitions
{
    /// <summary>True when a destination may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(DestinationStatus from, DestinationStatus to) => (from, to) switch
    {
        (DestinationStatus.Queued, DestinationStatus.Sending) => true,
        (DestinationStatus.Queued, DestinationStatus.Failed) => true,

        // A crash after "sending" was recorded leaves it there; the next attempt starts again.
        (DestinationStatus.Sending, DestinationStatus.Sending) => true,
        (DestinationStatus.Sending, DestinationStatus.Sent) => true,

        // A transient failure puts the destination back in the queue for a later attempt.
        (DestinationStatus.Sending, DestinationStatus.Queued) => true,
        (DestinationStatus.Sending, DestinationStatus.Failed) => true,

        // Found "sending" after a crash under the at-most-once policy (Outbound:AfterCrash=unknown).
        (DestinationStatus.Sending, DestinationStatus.Unknown) => true,
        (DestinationStatus.Sent, DestinationStatus.Delivered) => true,
        (DestinationStatus.Sent, DestinationStatus.Undelivered) => true,

        // A dead letter replayed by an operator goes back to the queue.
        (DestinationStatus.Failed, DestinationStatus.Queued) => true,
        (DestinationStatus.Unknown, DestinationStatus.Queued) => true,
        _ => false,
    };
}

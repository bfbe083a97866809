namespace SmsGateway.Core.Options;

/// <summary>
/// What the outbound worker does with a destination it finds <c>sending</c>: the gateway stopped between
/// recording <c>sending</c> and recording the outcome, so the SMS may or may not have left the modem. The
/// same applies to a send the modem took and never answered (an unknown outcome).
/// </summary>
public enum AfterCrashPolicy
{
    /// <summary>Send it again (at-least-once): never lost, at most one duplicate per crash in that window.</summary>
    Resend,

    /// <summary>
    /// Mark it <c>unknown</c> and dead-letter it for a person to decide (at-most-once): never sent twice by
    /// the gateway, but it may never have been sent at all until someone replays it.
    /// </summary>
    Unknown,
}

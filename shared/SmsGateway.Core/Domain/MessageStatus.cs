namespace SmsGateway.Core.Domain;

/// <summary>The status of a whole message, aggregated from its destinations (see <see cref="MessageStatusRules"/>).</summary>
public enum MessageStatus
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    PartiallyFailed,
    Failed,

    /// <summary>No destination is in flight and at least one has an <see cref="DestinationStatus.Unknown"/> outcome.</summary>
    Unknown,
}

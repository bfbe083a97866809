namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>What applying one delivery report did.</summary>
public enum DeliveryOutcome
{
    /// <summary>A part is confirmed but others are still awaited.</summary>
    PartDelivered,

    Delivered,

    Undelivered,

    /// <summary>The network is still trying (TP-ST 0x20–0x3F); nothing changes.</summary>
    NotFinal,

    /// <summary>No part was sent to that recipient with that reference (yet).</summary>
    Unknown,

    /// <summary>The part is known but its destination is not recorded as sent yet.</summary>
    NotYetSent,

    /// <summary>The destination already has its outcome, or the reference belongs to an earlier attempt; nothing changes.</summary>
    Ignored,
}

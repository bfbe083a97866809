namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>TP-ST values of an SMS-STATUS-REPORT in words (3GPP TS 23.040 §9.2.3.15).</summary>
public static class TpStatus
{
    public static string Describe(int status) => status switch
    {
        0x00 => "received by the recipient",
        0x01 => "forwarded, delivery unconfirmed",
        0x02 => "replaced by the service centre",
        0x20 or 0x60 => "congestion",
        0x21 or 0x61 => "recipient busy",
        0x22 or 0x62 => "no response from recipient",
        0x23 or 0x63 => "service rejected",
        0x24 or 0x44 or 0x64 => "quality of service not available",
        0x25 or 0x65 => "error in recipient",
        0x40 => "remote procedure error",
        0x41 => "incompatible destination",
        0x42 => "connection rejected by recipient",
        0x43 => "not obtainable",
        0x45 => "no interworking available",
        0x46 => "validity period expired",
        0x47 => "deleted by the sender",
        0x48 => "deleted by the service centre",
        0x49 => "message does not exist",
        < 0x20 => "completed",
        < 0x40 => "temporary error, still trying",
        < 0x60 => "permanent error",
        < 0x80 => "temporary error, given up",
        _ => "reserved status",
    };

    /// <summary>The text a destination's error gets, e.g. <c>undelivered: TP-ST 0x41 incompatible destination</c>.</summary>
    public static string UndeliveredError(int status) => $"undelivered: TP-ST 0x{status:X2} {Describe(status)}";
}

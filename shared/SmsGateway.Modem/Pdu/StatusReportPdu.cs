namespace SmsGateway.Modem.Pdu;

/// <summary>A decoded SMS-STATUS-REPORT (TP-MTI 10): the fate of a message sent with TP-SRR.</summary>
public sealed record StatusReportPdu : SmsPdu
{
    /// <summary>TP-MR of the SMS-SUBMIT this report is about (the value returned by +CMGS).</summary>
    public required int MessageReference { get; init; }

    /// <summary>TP-RA: the recipient of the original message.</summary>
    public required string Recipient { get; init; }

    /// <summary>Type of number of <see cref="Recipient"/>.</summary>
    public required SmsAddressType RecipientType { get; init; }

    /// <summary>TP-SCTS: when the service centre accepted the original message.</summary>
    public required DateTimeOffset ServiceCentreTimestamp { get; init; }

    /// <summary>TP-DT: when the status was reached (delivery, or the last attempt).</summary>
    public required DateTimeOffset DischargeTime { get; init; }

    /// <summary>TP-ST (TS 23.040 §9.2.3.15).</summary>
    public required byte Status { get; init; }

    /// <summary>
    /// False only for 0x20–0x3F (temporary error, the service centre is still trying): every other value ends the message's story.
    /// Values above 0x7F are reserved and taken as final so that a message never waits forever.
    /// </summary>
    public bool IsFinal => Status is < 0x20 or >= 0x40;

    /// <summary>True for 0x00–0x1F: delivered, or completed (forwarded, replaced).</summary>
    public bool IsDelivered => Status < 0x20;
}

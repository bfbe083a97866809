namespace SmsGateway.Modem.Pdu;

/// <summary>Optional fields of an SMS-DELIVER built by <see cref="PduEncoder.EncodeDeliver(string, string, DateTimeOffset, DeliverOptions?)"/>.</summary>
public sealed record DeliverOptions
{
    /// <summary>Service centre address put before the TPDU; null writes an empty one (<c>00</c>).</summary>
    public string? SmscAddress { get; init; }

    /// <summary>Null infers it: <c>+digits</c> international, digits unknown (as dialled), anything else alphanumeric.</summary>
    public SmsAddressType? SenderType { get; init; }

    /// <summary>Null picks GSM-7 when the text allows it, else UCS-2.</summary>
    public SmsDataCoding? ForceCoding { get; init; }

    /// <summary>Concatenation header for this part; null sends none.</summary>
    public ConcatInfo? Concat { get; init; }

    /// <summary>TP-PID.</summary>
    public byte ProtocolId { get; init; }

    /// <summary>Message class 0–3 (0 = flash), null for none.</summary>
    public int? MessageClass { get; init; }

    /// <summary>TP-MMS: more messages are waiting in the service centre.</summary>
    public bool MoreMessagesToSend { get; init; }

    /// <summary>TP-SRI: the sender asked for a status report.</summary>
    public bool StatusReportIndication { get; init; }
}

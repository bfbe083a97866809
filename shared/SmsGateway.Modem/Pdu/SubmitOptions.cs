namespace SmsGateway.Modem.Pdu;

/// <summary>How <see cref="PduEncoder.EncodeSubmit(string, string, SubmitOptions?)"/> builds SMS-SUBMIT PDUs.</summary>
public sealed record SubmitOptions
{
    /// <summary>TP-SRR: ask the network for an SMS-STATUS-REPORT for every part.</summary>
    public bool RequestStatusReport { get; init; } = true;

    /// <summary>TP-VP in relative format, rounded up to the next representable value; null sends no validity period.</summary>
    public TimeSpan? ValidityPeriod { get; init; } = TimeSpan.FromDays(1);

    /// <summary>8-bit reference of the concatenation header (IEI 0x00) of a multipart message.</summary>
    public byte ConcatReference { get; init; }

    /// <summary>Null picks GSM-7 when the text allows it, else UCS-2. <see cref="SmsDataCoding.EightBit"/> needs <see cref="BinaryData"/>.</summary>
    public SmsDataCoding? ForceCoding { get; init; }

    /// <summary>When set, these octets are sent with 8-bit coding and the text argument is ignored.</summary>
    public byte[]? BinaryData { get; init; }
}

namespace SmsGateway.Modem.Pdu;

/// <summary>A decoded SMS-DELIVER (TP-MTI 00): a message received from the network.</summary>
public sealed record DeliverPdu : SmsPdu
{
    /// <summary>TP-OA: <c>+digits</c> for international, digits for national/unknown, text for alphanumeric.</summary>
    public required string Sender { get; init; }

    /// <summary>Type of number of <see cref="Sender"/>.</summary>
    public required SmsAddressType SenderType { get; init; }

    /// <summary>TP-SCTS, with the time zone the network sent.</summary>
    public required DateTimeOffset ServiceCentreTimestamp { get; init; }

    /// <summary>Alphabet of the user data.</summary>
    public required SmsDataCoding Coding { get; init; }

    /// <summary>The text of this part; null for 8-bit data.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// User data without the header: octets for 8-bit and UCS-2, unpacked septets (one per byte) for GSM-7,
    /// so that parts split inside an escape sequence can be joined before decoding.
    /// </summary>
    public required byte[] Data { get; init; }

    /// <summary>Concatenation header, null for a single-part message.</summary>
    public ConcatInfo? Concat { get; init; }

    /// <summary>TP-PID.</summary>
    public byte ProtocolId { get; init; }

    /// <summary>Raw TP-DCS.</summary>
    public byte DataCodingScheme { get; init; }

    /// <summary>Message class 0–3 from TP-DCS, null when the DCS carries none.</summary>
    public int? MessageClass { get; init; }

    /// <summary>TP-MMS: the service centre has more messages waiting.</summary>
    public bool MoreMessagesToSend { get; init; }

    /// <summary>TP-SRI: the sender asked for a status report.</summary>
    public bool StatusReportIndication { get; init; }

    /// <summary>
    /// The user data was shorter than TP-UDL declared (or TP-UDHI was set over empty user data): <see cref="Text"/>
    /// and <see cref="Data"/> hold what arrived, the rest of the message is lost.
    /// </summary>
    public bool Truncated { get; init; }
}

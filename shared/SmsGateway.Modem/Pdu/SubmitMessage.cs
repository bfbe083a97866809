namespace SmsGateway.Modem.Pdu;

/// <summary>A decoded SMS-SUBMIT (TP-MTI 01): a message a phone or the gateway hands to the network.</summary>
public sealed record SubmitMessage : SmsPdu
{
    /// <summary>TP-DA: <c>+digits</c> for international, digits for national/unknown, text for alphanumeric.</summary>
    public required string Recipient { get; init; }

    /// <summary>Type of number of <see cref="Recipient"/>.</summary>
    public required SmsAddressType RecipientType { get; init; }

    /// <summary>TP-MR.</summary>
    public int MessageReference { get; init; }

    /// <summary>Alphabet of the user data.</summary>
    public required SmsDataCoding Coding { get; init; }

    /// <summary>The text of this part; null for 8-bit data.</summary>
    public string? Text { get; init; }

    /// <summary>User data without the header, as in <see cref="DeliverPdu.Data"/>.</summary>
    public required byte[] Data { get; init; }

    /// <summary>Concatenation header, null for a single-part message.</summary>
    public ConcatInfo? Concat { get; init; }

    /// <summary>TP-SRR.</summary>
    public bool StatusReportRequested { get; init; }

    /// <summary>TP-VP when sent in relative format, else null.</summary>
    public TimeSpan? ValidityPeriod { get; init; }

    /// <summary>TP-VP when sent in absolute format, else null. The enhanced format is skipped.</summary>
    public DateTimeOffset? ValidityEnd { get; init; }

    /// <summary>TP-PID.</summary>
    public byte ProtocolId { get; init; }

    /// <summary>Raw TP-DCS.</summary>
    public byte DataCodingScheme { get; init; }
}

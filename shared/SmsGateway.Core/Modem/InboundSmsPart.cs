namespace SmsGateway.Core.Modem;

/// <summary>
/// One SMS (or one part of a concatenated SMS) read from the SIM, before reassembly.
/// </summary>
/// <param name="Sender">E.164 number with <c>+</c>, national digits, or an alphanumeric sender name.</param>
/// <param name="SentAt">The service centre time stamp (TP-SCTS) with its time zone.</param>
/// <param name="Text">Decoded text of this part (empty for 8-bit data).</param>
/// <param name="Concat">Concatenation info when this is one part of several.</param>
/// <param name="Pdu">The raw PDU as read, kept for diagnosis.</param>
/// <param name="Truncated">The user data ended before its declared length (or a header announced data that was not
/// there): <paramref name="Text"/> is what arrived, not all the sender sent.</param>
public sealed record InboundSmsPart(
    string Sender,
    DateTimeOffset SentAt,
    string Text,
    ConcatPart? Concat,
    string Pdu,
    bool Truncated = false);

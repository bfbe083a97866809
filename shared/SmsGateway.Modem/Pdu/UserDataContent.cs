namespace SmsGateway.Modem.Pdu;

/// <summary>What the user data of a PDU held.</summary>
/// <param name="Text">The decoded text; null for 8-bit data.</param>
/// <param name="Data">Unpacked septets for GSM-7, octets otherwise, without the header.</param>
/// <param name="Concat">The concatenation element of the header, if any.</param>
/// <param name="Truncated">The user data ended before TP-UDL said it would, or TP-UDHI was set over none.</param>
internal sealed record UserDataContent(string? Text, byte[] Data, ConcatInfo? Concat, bool Truncated);

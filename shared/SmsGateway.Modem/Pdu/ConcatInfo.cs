namespace SmsGateway.Modem.Pdu;

/// <summary>Concatenated short message information element (IEI 0x00 or 0x08, TS 23.040 §9.2.3.24.1 and .8).</summary>
/// <param name="Reference">Reference shared by all parts of one message (0–255, or 0–65535 when <paramref name="Is16Bit"/>).</param>
/// <param name="PartNumber">1-based number of this part.</param>
/// <param name="PartCount">Total number of parts.</param>
/// <param name="Is16Bit">True for IEI 0x08 (16-bit reference), false for IEI 0x00.</param>
public sealed record ConcatInfo(int Reference, int PartNumber, int PartCount, bool Is16Bit);

namespace SmsGateway.Core.Modem;

/// <summary>Which part of a concatenated SMS this is (from the UDH, IEI 0x00 or 0x08).</summary>
public sealed record ConcatPart(int Reference, int PartNumber, int PartCount);

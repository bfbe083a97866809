namespace SmsGateway.Core.Text;

/// <summary>How a text will be sent: its alphabet and how many SMS parts it needs.</summary>
/// <param name="Encoding">The alphabet the text is sent in.</param>
/// <param name="Segments">Number of SMS parts (1 for an empty text).</param>
/// <param name="Units">
/// Length in septets for <see cref="SmsEncoding.Gsm7"/> (extension characters count 2),
/// in UTF-16 code units for <see cref="SmsEncoding.Ucs2"/>.
/// </param>
/// <param name="UnitsPerSegment">Capacity of one part: 160/70 for a single part, 153/67 when concatenated.</param>
public sealed record SmsTextInfo(SmsEncoding Encoding, int Segments, int Units, int UnitsPerSegment);

using SmsGateway.Core.Text;

namespace SmsGateway.Modem.Pdu;

/// <summary>TP-UDL + TP-UD with the optional user data header (TS 23.040 §9.2.3.16, §9.2.3.24).</summary>
internal static class UserDataCodec
{
    public const int MaxSeptets = 160;
    public const int MaxOctets = 140;

    private const byte Concat8BitIei = 0x00;
    private const byte Concat16BitIei = 0x08;

    /// <summary>
    /// Writes TP-UDL and TP-UD. <paramref name="payload"/> is unpacked septets for GSM-7, octets otherwise.
    /// For GSM-7 after a header, fill bits bring the text to a septet boundary and TP-UDL counts header septets too.
    /// </summary>
    public static void Write(List<byte> pdu, SmsDataCoding coding, ReadOnlySpan<byte> payload, ConcatInfo? concat)
    {
        var header = concat is null ? [] : ConcatHeader(concat);
        if (coding == SmsDataCoding.Gsm7)
        {
            var headerBits = header.Length * 8;
            var fillBits = (7 - (headerBits % 7)) % 7;
            var septets = ((headerBits + fillBits) / 7) + payload.Length;
            if (septets > MaxSeptets)
            {
                throw new ArgumentException($"User data of {septets} septets exceeds {MaxSeptets}.");
            }

            pdu.Add((byte)septets);
            pdu.AddRange(header);
            pdu.AddRange(SeptetPacker.Pack(payload, fillBits));
            return;
        }

        var octets = header.Length + payload.Length;
        if (octets > MaxOctets)
        {
            throw new ArgumentException($"User data of {octets} octets exceeds {MaxOctets}.");
        }

        pdu.Add((byte)octets);
        pdu.AddRange(header);
        pdu.AddRange(payload);
    }

    /// <summary>
    /// Reads TP-UDL and TP-UD. User data shorter than TP-UDL declares is decoded as far as it goes and marked
    /// truncated (SMSCs and modems do deliver such PDUs; gammu and python-gsmmodem read them the same way), as is
    /// TP-UDHI over empty user data. A header that contradicts complete user data is still refused.
    /// </summary>
    public static UserDataContent Read(PduReader reader, SmsDataCoding coding, bool hasHeader)
    {
        var length = reader.ReadByte("TP-UDL");
        var declaredOctets = coding == SmsDataCoding.Gsm7 ? SeptetPacker.PackedLength(length) : length;
        var truncated = declaredOctets > reader.Remaining;
        var userData = reader.ReadBytes(Math.Min(declaredOctets, reader.Remaining), "TP-UD");
        if (truncated && coding == SmsDataCoding.Gsm7)
        {
            length = (byte)(userData.Length * 8 / 7);
        }

        ConcatInfo? concat = null;
        var headerOctets = 0;
        if (hasHeader)
        {
            if (userData.Length == 0 || (truncated && userData[0] + 1 > userData.Length))
            {
                // Nothing but (part of) a header arrived: an empty message, which says it is incomplete.
                return new UserDataContent(coding == SmsDataCoding.EightBit ? null : string.Empty, [], null, Truncated: true);
            }

            headerOctets = userData[0] + 1;
            if (headerOctets > userData.Length)
            {
                throw new PduFormatException($"User data header of {headerOctets} octets overruns user data of {userData.Length}.");
            }

            concat = ReadHeader(userData.AsSpan(1, headerOctets - 1));
        }

        if (coding == SmsDataCoding.Gsm7)
        {
            var headerSeptets = ((headerOctets * 8) + 6) / 7;
            if (headerSeptets > length)
            {
                throw new PduFormatException($"User data header needs {headerSeptets} septets but TP-UDL is {length}.");
            }

            var septets = SeptetPacker.Unpack(userData, headerSeptets * 7, length - headerSeptets);
            return new UserDataContent(Gsm7Alphabet.Decode(septets), septets, concat, truncated);
        }

        var data = userData[headerOctets..];
        if (coding == SmsDataCoding.EightBit)
        {
            return new UserDataContent(null, data, concat, truncated);
        }

        if (data.Length % 2 != 0)
        {
            if (!truncated)
            {
                throw new PduFormatException($"UCS-2 user data has an odd number of octets ({data.Length}).");
            }

            // The cut fell inside a character: its first half alone means nothing.
            data = data[..^1];
        }

        return new UserDataContent(Ucs2.Decode(data), data, concat, truncated);
    }

    private static byte[] ConcatHeader(ConcatInfo concat)
    {
        if (concat.PartCount is < 1 or > 255 || concat.PartNumber < 1 || concat.PartNumber > concat.PartCount
            || concat.Reference < 0 || concat.Reference > (concat.Is16Bit ? 0xFFFF : 0xFF))
        {
            throw new ArgumentException($"Concatenation info {concat} is out of range.", nameof(concat));
        }

        return concat.Is16Bit
            ? [0x06, Concat16BitIei, 0x04, (byte)(concat.Reference >> 8), (byte)concat.Reference, (byte)concat.PartCount, (byte)concat.PartNumber]
            : [0x05, Concat8BitIei, 0x03, (byte)concat.Reference, (byte)concat.PartCount, (byte)concat.PartNumber];
    }

    // Walks every information element so that others (port addressing, ...) are skipped by their own length.
    private static ConcatInfo? ReadHeader(ReadOnlySpan<byte> header)
    {
        ConcatInfo? concat = null;
        var position = 0;
        while (position < header.Length)
        {
            if (position + 2 > header.Length || position + 2 + header[position + 1] > header.Length)
            {
                throw new PduFormatException($"Information element at header offset {position} overruns the user data header.");
            }

            var iei = header[position];
            var element = header.Slice(position + 2, header[position + 1]);
            position += 2 + element.Length;

            var candidate = (iei, element.Length) switch
            {
                (Concat8BitIei, 3) => new ConcatInfo(element[0], element[2], element[1], Is16Bit: false),
                (Concat16BitIei, 4) => new ConcatInfo((element[0] << 8) | element[1], element[3], element[2], Is16Bit: true),
                _ => null,
            };

            // TS 23.040 says to ignore a concatenation element whose numbers make no sense.
            if (candidate is { PartCount: > 0, PartNumber: > 0 } && candidate.PartNumber <= candidate.PartCount)
            {
                concat = candidate;
            }
        }

        return concat;
    }
}

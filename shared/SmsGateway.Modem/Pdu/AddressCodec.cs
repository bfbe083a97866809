using System.Text;
using SmsGateway.Core.Text;

namespace SmsGateway.Modem.Pdu;

/// <summary>TP-OA/DA/RA addresses (TS 23.040 §9.1.2.5) and the RP service centre address (TS 24.011 §8.2.5.2).</summary>
internal static class AddressCodec
{
    private const string BcdDigits = "0123456789*#abc";
    private const int MaxDigits = 20;
    private const int MaxAlphanumericSeptets = 11;

    /// <summary>Writes an address: length in useful semi-octets, type of address, value.</summary>
    public static void Write(List<byte> pdu, string address, SmsAddressType? type, string paramName, bool allowAlphanumeric)
    {
        var resolved = type ?? InferType(address);
        if (resolved == SmsAddressType.Alphanumeric && allowAlphanumeric)
        {
            if (!Gsm7Alphabet.TryEncode(address, out var septets) || septets.Length is 0 or > MaxAlphanumericSeptets)
            {
                throw new ArgumentException(
                    $"Alphanumeric address must be 1-{MaxAlphanumericSeptets} GSM 7-bit characters.", paramName);
            }

            var packed = SeptetPacker.Pack(septets);
            pdu.Add((byte)(((septets.Length * 7) + 3) / 4));
            pdu.Add(0xD0);
            pdu.AddRange(packed);
            return;
        }

        var digits = resolved == SmsAddressType.International ? address.TrimStart('+') : address;
        RequireDigits(digits, address, paramName);
        pdu.Add((byte)digits.Length);
        pdu.Add(TypeOfAddress(resolved));
        pdu.AddRange(PackDigits(digits));
    }

    /// <summary>Writes the SMSC part: length in octets including the type of address; <c>00</c> when there is none.</summary>
    public static void WriteSmsc(List<byte> pdu, string? smsc)
    {
        if (string.IsNullOrEmpty(smsc))
        {
            pdu.Add(0x00);
            return;
        }

        var type = InferType(smsc);
        var digits = smsc.TrimStart('+');
        RequireDigits(digits, smsc, nameof(smsc));
        var packed = PackDigits(digits);
        pdu.Add((byte)(packed.Length + 1));
        pdu.Add(TypeOfAddress(type));
        pdu.AddRange(packed);
    }

    public static (string Address, SmsAddressType Type) Read(PduReader reader, string field)
    {
        var semiOctets = reader.ReadByte($"{field} length");

        // TS 23.040 §9.1.2.5: an address field is at most 12 octets, 20 semi-octets after the type. A longer one is
        // not an odd address but a PDU read from the wrong offset.
        if (semiOctets > MaxDigits)
        {
            throw new PduFormatException($"{field} announces {semiOctets} semi-octets; an address has at most {MaxDigits}.");
        }

        var typeOfAddress = reader.ReadByte($"{field} type");
        var value = reader.ReadBytes((semiOctets + 1) / 2, field);
        var type = TypeFromToa(typeOfAddress);
        return type == SmsAddressType.Alphanumeric
            ? (Gsm7Alphabet.Decode(SeptetPacker.Unpack(value, 0, semiOctets * 4 / 7)), type)
            : (Format(UnpackDigits(value, semiOctets), type), type);
    }

    public static string? ReadSmsc(PduReader reader)
    {
        var octets = reader.ReadByte("SMSC length");
        if (octets == 0)
        {
            return null;
        }

        var typeOfAddress = reader.ReadByte("SMSC type");
        var value = reader.ReadBytes(octets - 1, "SMSC address");
        var type = TypeFromToa(typeOfAddress);
        return type == SmsAddressType.Alphanumeric
            ? Gsm7Alphabet.Decode(SeptetPacker.Unpack(value, 0, value.Length * 8 / 7))
            : Format(UnpackDigits(value, value.Length * 2), type);
    }

    // Without '+' the digits go out as dialled (TON unknown, NPI ISDN), as handsets do: a national number
    // with its trunk prefix is then still valid, which TON "national" would not promise.
    private static SmsAddressType InferType(string address) =>
        address.StartsWith('+') ? SmsAddressType.International
        : address.Length > 0 && address.All(char.IsAsciiDigit) ? SmsAddressType.Unknown
        : SmsAddressType.Alphanumeric;

    private static byte TypeOfAddress(SmsAddressType type) => type switch
    {
        SmsAddressType.International => 0x91,
        SmsAddressType.National => 0xA1,
        _ => 0x81,
    };

    private static SmsAddressType TypeFromToa(byte typeOfAddress) => ((typeOfAddress >> 4) & 0x07) switch
    {
        1 => SmsAddressType.International,
        2 => SmsAddressType.National,
        5 => SmsAddressType.Alphanumeric,
        _ => SmsAddressType.Unknown,
    };

    private static string Format(string digits, SmsAddressType type) =>
        type == SmsAddressType.International ? "+" + digits : digits;

    private static void RequireDigits(string digits, string address, string paramName)
    {
        if (digits.Length is 0 or > MaxDigits || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{address}' is not a phone number of 1-{MaxDigits} digits (optionally with a leading +).", paramName);
        }
    }

    private static byte[] PackDigits(string digits)
    {
        var packed = new byte[(digits.Length + 1) / 2];
        for (var i = 0; i < packed.Length; i++)
        {
            var low = digits[2 * i] - '0';
            var high = (2 * i) + 1 < digits.Length ? digits[(2 * i) + 1] - '0' : 0x0F;
            packed[i] = (byte)((high << 4) | low);
        }

        return packed;
    }

    private static string UnpackDigits(ReadOnlySpan<byte> value, int count)
    {
        var digits = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            var nibble = i % 2 == 0 ? value[i / 2] & 0x0F : value[i / 2] >> 4;
            if (nibble != 0x0F)
            {
                digits.Append(BcdDigits[nibble]);
            }
        }

        return digits.ToString();
    }
}

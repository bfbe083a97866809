namespace SmsGateway.Modem.Pdu;

/// <summary>UCS-2 big endian, code unit by code unit.</summary>
/// <remarks>
/// Not <see cref="System.Text.Encoding.BigEndianUnicode"/>: it would replace a surrogate half with U+FFFD, and other senders
/// do cut pairs across parts; kept as is, the halves join again when the parts are concatenated.
/// </remarks>
internal static class Ucs2
{
    public static byte[] Encode(string text)
    {
        var octets = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            octets[2 * i] = (byte)(text[i] >> 8);
            octets[(2 * i) + 1] = (byte)text[i];
        }

        return octets;
    }

    public static string Decode(ReadOnlySpan<byte> octets)
    {
        var chars = new char[octets.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)((octets[2 * i] << 8) | octets[(2 * i) + 1]);
        }

        return new string(chars);
    }
}

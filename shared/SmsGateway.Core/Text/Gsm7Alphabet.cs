using System.Text;

namespace SmsGateway.Core.Text;

/// <summary>
/// The GSM 7-bit default alphabet and its default extension table (3GPP TS 23.038 §6.2.1).
/// Septets here are unpacked: one value 0x00–0x7F per byte; packing into octets is the PDU codec's job.
/// </summary>
public static class Gsm7Alphabet
{
    /// <summary>The escape septet that selects the extension table for the following septet.</summary>
    public const byte Escape = 0x1B;

    // Index = septet value. 0x1B is the escape, never produced by a character lookup.
    private const string DefaultTable =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001BÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static readonly Dictionary<char, byte> _defaultCodes = BuildDefaultCodes();

    private static readonly Dictionary<char, byte> _extensionCodes = new()
    {
        ['\f'] = 0x0A,
        ['^'] = 0x14,
        ['{'] = 0x28,
        ['}'] = 0x29,
        ['\\'] = 0x2F,
        ['['] = 0x3C,
        ['~'] = 0x3D,
        [']'] = 0x3E,
        ['|'] = 0x40,
        ['€'] = 0x65,
    };

    private static readonly Dictionary<byte, char> _extensionChars =
        _extensionCodes.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>True when every character of <paramref name="text"/> is in the default alphabet or its extension table.</summary>
    public static bool IsGsm7(string text)
    {
        foreach (var c in text)
        {
            if (SeptetsFor(c) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Converts <paramref name="text"/> to unpacked septets; an extension character becomes
    /// <see cref="Escape"/> followed by its code. Returns false (and an empty array) if any character is not representable.
    /// </summary>
    public static bool TryEncode(string text, out byte[] septets)
    {
        var result = new List<byte>(text.Length);
        foreach (var c in text)
        {
            if (_defaultCodes.TryGetValue(c, out var code))
            {
                result.Add(code);
            }
            else if (_extensionCodes.TryGetValue(c, out var extension))
            {
                result.Add(Escape);
                result.Add(extension);
            }
            else
            {
                septets = [];
                return false;
            }
        }

        septets = [.. result];
        return true;
    }

    /// <summary>
    /// Converts unpacked septets to text. An escape followed by a code the extension table does not define
    /// shows the default-alphabet character for that code, as TS 23.038 asks of a receiver; a trailing escape is dropped.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var text = new StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            var code = (byte)(septets[i] & 0x7F);
            if (code != Escape)
            {
                text.Append(DefaultTable[code]);
                continue;
            }

            if (++i == septets.Length)
            {
                break;
            }

            var next = (byte)(septets[i] & 0x7F);
            if (_extensionChars.TryGetValue(next, out var extension))
            {
                text.Append(extension);
            }
            else
            {
                // ESC ESC is reserved for a further extension table we do not know: show a space.
                text.Append(next == Escape ? ' ' : DefaultTable[next]);
            }
        }

        return text.ToString();
    }

    /// <summary>Septets needed for <paramref name="c"/>: 1, 2 for an extension character, 0 if not representable.</summary>
    internal static int SeptetsFor(char c) =>
        _defaultCodes.ContainsKey(c) ? 1 : _extensionCodes.ContainsKey(c) ? 2 : 0;

    private static Dictionary<char, byte> BuildDefaultCodes()
    {
        var codes = new Dictionary<char, byte>(DefaultTable.Length);
        for (var code = 0; code < DefaultTable.Length; code++)
        {
            if (code != Escape)
            {
                codes[DefaultTable[code]] = (byte)code;
            }
        }

        return codes;
    }
}

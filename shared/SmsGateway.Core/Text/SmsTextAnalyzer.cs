namespace SmsGateway.Core.Text;

/// <summary>
/// Decides how a text is sent as SMS (3GPP TS 23.038/23.040): GSM-7 when every character is in the default alphabet
/// or its extension table, otherwise UCS-2; and how it is cut into concatenated parts.
/// The PDU encoder uses the same rules, so the segment count reported to API callers is the count sent.
/// </summary>
public static class SmsTextAnalyzer
{
    /// <summary>Septets in a single GSM-7 message.</summary>
    public const int Gsm7SingleUnits = 160;

    /// <summary>Septets per part of a concatenated GSM-7 message (160 minus the 6-octet concatenation header).</summary>
    public const int Gsm7MultipartUnits = 153;

    /// <summary>UTF-16 code units in a single UCS-2 message.</summary>
    public const int Ucs2SingleUnits = 70;

    /// <summary>UTF-16 code units per part of a concatenated UCS-2 message.</summary>
    public const int Ucs2MultipartUnits = 67;

    /// <summary>Returns the encoding, length and number of parts of <paramref name="text"/>; an empty text is 0 units in 1 part.</summary>
    public static SmsTextInfo Analyze(string text)
    {
        var (encoding, units) = Measure(text);
        var (single, multi) = Limits(encoding);
        return units <= single
            ? new SmsTextInfo(encoding, 1, units, single)
            : new SmsTextInfo(encoding, Walk(text, encoding, multi, parts: null), units, multi);
    }

    /// <summary>
    /// Cuts <paramref name="text"/> into the texts of its SMS parts, in order; their concatenation is <paramref name="text"/>.
    /// A text that fits one message (including the empty text) is returned as its only part.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var (encoding, units) = Measure(text);
        var (single, multi) = Limits(encoding);
        return units <= single ? [text] : Split(text, encoding, multi);
    }

    /// <summary>
    /// Cuts <paramref name="text"/> into parts of at most <paramref name="unitsPerPart"/> units of <paramref name="encoding"/>,
    /// for callers whose part capacity differs from the usual one (a 16-bit concatenation reference, a forced UCS-2 coding).
    /// An extension character (escape + code) and a surrogate pair are never cut, so a part may be one unit short.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="encoding"/> is GSM-7 and the text has a character outside it.</exception>
    public static IReadOnlyList<string> Split(string text, SmsEncoding encoding, int unitsPerPart)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitsPerPart, 2);
        var parts = new List<string>();
        Walk(text, encoding, unitsPerPart, parts);
        return parts;
    }

    private static (SmsEncoding Encoding, int Units) Measure(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            var width = Gsm7Alphabet.SeptetsFor(c);
            if (width == 0)
            {
                return (SmsEncoding.Ucs2, text.Length);
            }

            septets += width;
        }

        return (SmsEncoding.Gsm7, septets);
    }

    private static (int Single, int Multi) Limits(SmsEncoding encoding) => encoding == SmsEncoding.Gsm7
        ? (Gsm7SingleUnits, Gsm7MultipartUnits)
        : (Ucs2SingleUnits, Ucs2MultipartUnits);

    // Greedy cut; returns the number of parts and, when asked, their texts.
    private static int Walk(string text, SmsEncoding encoding, int unitsPerPart, List<string>? parts)
    {
        var count = 1;
        var used = 0;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var (width, chars) = UnitAt(text, i, encoding);
            if (used + width > unitsPerPart)
            {
                parts?.Add(text[start..i]);
                start = i;
                used = 0;
                count++;
            }

            used += width;
            i += chars;
        }

        parts?.Add(text[start..]);
        return count;
    }

    private static (int Width, int Chars) UnitAt(string text, int index, SmsEncoding encoding)
    {
        var c = text[index];
        if (encoding == SmsEncoding.Gsm7)
        {
            var septets = Gsm7Alphabet.SeptetsFor(c);
            return septets > 0
                ? (septets, 1)
                : throw new ArgumentException($"Character U+{(int)c:X4} at index {index} is not in the GSM 7-bit alphabet.", nameof(text));
        }

        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? (2, 2) : (1, 1);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Azure.Tables;

/// <summary>What may be a PartitionKey or RowKey, and how other text becomes one.</summary>
internal static class TableKeys
{
    private const int MaxKeyLength = 512;

    /// <summary>
    /// False for text the Table service rejects as a key (<c>/ \ # ?</c>, control characters, over-long),
    /// so a lookup by a malformed id is a miss rather than a 400 from the service.
    /// </summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxKeyLength && !key.Any(IsForbidden);

    /// <summary>SHA-256 of <paramref name="text"/> in hex: any text becomes a valid, evenly spread key.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// <paramref name="text"/> with the characters keys may not hold (and <c>%</c>) written as <c>%XX</c>:
    /// readable, reversible, and distinct texts stay distinct.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Any(c => c == '%' || IsForbidden(c)))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '%' || IsForbidden(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A hex id with every digit replaced by 15 minus it, so that ascending key order is descending id
    /// order: the newest of UUIDv7 ids comes first in a query. Null when <paramref name="hexId"/> is not hex.
    /// </summary>
    public static string? Descending(string hexId)
    {
        if (hexId.Length == 0 || !hexId.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return string.Create(hexId.Length, hexId, (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                span[i] = "fedcba9876543210"[Convert.ToInt32(id[i].ToString(), 16)];
            }
        });
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}

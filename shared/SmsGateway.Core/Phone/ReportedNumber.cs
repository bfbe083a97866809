using PhoneNumbers;

namespace SmsGateway.Core.Phone;

/// <summary>
/// The E.164 numbers a number reported by the network (a status report's recipient) may stand for. SMSCs write it as they like: international with
/// <c>+</c>, national with the trunk prefix (<c>0829200000</c> for <c>+27829200000</c>), the national significant
/// number alone, or the international digits with type of number "unknown". Destinations are indexed in E.164,
/// so each reading is tried in turn; national forms are read in the given region.
/// </summary>
public static class ReportedNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The readings of <paramref name="recipient"/>, most likely first; national forms read in <paramref name="region"/> (ISO 3166 alpha-2), if any.</summary>
    public static IReadOnlyList<string> Candidates(string recipient, string? region)
    {
        var text = recipient.Trim();
        if (text.StartsWith('+') || text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return [text];
        }

        var candidates = new List<string>(3);
        if (region is not null && TryE164(text, region, out var national))
        {
            candidates.Add(national);
        }

        if (TryE164(text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : "+" + text, null, out var international))
        {
            candidates.Add(international);
        }

        candidates.Add(text);
        return [.. candidates.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// <paramref name="number"/> in E.164 when it is national (no <c>+</c>) and <paramref name="region"/> is known: the SIM's
    /// home country reads what its own SMSC reports. Otherwise the number as it is.
    /// </summary>
    public static string InRegion(string number, string? region) =>
        region is null || number.StartsWith('+') ? number : Candidates(number, region)[0];

    // Not validated: the number was valid when it was sent to, and a report only needs to find it again.
    private static bool TryE164(string number, string? region, out string e164)
    {
        try
        {
            e164 = Util.Format(Util.Parse(number, region), PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            e164 = string.Empty;
            return false;
        }
    }
}

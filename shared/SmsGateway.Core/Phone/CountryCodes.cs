using System.Globalization;
using PhoneNumbers;

namespace SmsGateway.Core.Phone;

/// <summary>Country calling codes: parsing the setting, and the home country of a SIM from its IMSI.</summary>
public static class CountryCodes
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Mobile country code (the first 3 digits of an IMSI, ITU E.212) → region. Europe, North America and
    // the larger markets; a SIM from elsewhere leaves the choice to Sms:AllowedCountryCodes.
    private static readonly Dictionary<string, string> RegionByMcc = new(StringComparer.Ordinal)
    {
        ["202"] = "GR", ["204"] = "NL", ["206"] = "BE", ["208"] = "FR", ["212"] = "MC", ["213"] = "AD",
        ["214"] = "ES", ["216"] = "HU", ["218"] = "BA", ["219"] = "HR", ["220"] = "RS", ["222"] = "IT",
        ["226"] = "RO", ["228"] = "CH", ["230"] = "CZ", ["231"] = "SK", ["232"] = "AT", ["234"] = "GB",
        ["235"] = "GB", ["238"] = "DK", ["240"] = "SE", ["242"] = "NO", ["244"] = "FI", ["246"] = "LT",
        ["247"] = "LV", ["248"] = "EE", ["250"] = "RU", ["255"] = "UA", ["257"] = "BY", ["259"] = "MD",
        ["260"] = "PL", ["262"] = "DE", ["266"] = "GI", ["268"] = "PT", ["270"] = "LU", ["272"] = "IE",
        ["274"] = "IS", ["276"] = "AL", ["278"] = "MT", ["280"] = "CY", ["284"] = "BG", ["286"] = "TR",
        ["293"] = "SI", ["294"] = "MK", ["295"] = "LI", ["297"] = "ME",
        ["302"] = "CA", ["310"] = "US", ["311"] = "US", ["312"] = "US", ["313"] = "US", ["314"] = "US",
        ["315"] = "US", ["316"] = "US", ["334"] = "MX",
        ["404"] = "IN", ["405"] = "IN", ["425"] = "IL", ["440"] = "JP", ["441"] = "JP", ["450"] = "KR",
        ["454"] = "HK", ["460"] = "CN", ["505"] = "AU", ["525"] = "SG", ["530"] = "NZ",
        ["602"] = "EG", ["655"] = "ZA", ["722"] = "AR", ["724"] = "BR",
    };

    /// <summary>Reads one entry of <c>Sms:AllowedCountryCodes</c>: 1 to 3 digits, an optional leading <c>+</c>.</summary>
    public static bool TryParse(string? value, out int code)
    {
        var digits = value?.Trim().TrimStart('+');
        code = 0;
        return digits is { Length: >= 1 and <= 3 }
            && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code)
            && code > 0;
    }

    /// <summary>The calling code and region of the country a SIM belongs to, from its IMSI; false when unknown.</summary>
    public static bool TryGetHomeCountry(string? imsi, out int callingCode, out string region)
    {
        callingCode = 0;
        region = string.Empty;
        if (imsi is not { Length: >= 5 } || !RegionByMcc.TryGetValue(imsi[..3], out var found))
        {
            return false;
        }

        region = found;
        callingCode = Util.GetCountryCodeForRegion(found);
        return callingCode > 0;
    }
}

using PhoneNumbers;

namespace SmsGateway.Core.Phone;

/// <summary>
/// Validates phone numbers and normalises them to E.164 with libphonenumber. A number in national
/// format is accepted only when a default region is configured; otherwise it must start with
/// <c>+</c> (or <c>00</c>) and a country code.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly string? _defaultRegion;

    public PhoneNumberNormalizer(string? defaultRegion)
    {
        _defaultRegion = string.IsNullOrWhiteSpace(defaultRegion) ? null : defaultRegion.Trim().ToUpperInvariant();
    }

    /// <summary>Tries to normalise <paramref name="input"/>; on failure <paramref name="error"/> says why in words.</summary>
    public bool TryNormalize(string? input, out string e164, out string? error)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "The number is empty.";
            return false;
        }

        var trimmed = input.Trim();
        if (trimmed.Length > 32)
        {
            error = "The number is too long.";
            return false;
        }

        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        if (!international && _defaultRegion is null)
        {
            error = $"'{trimmed}' has no country code: use the international format (+<country code><number>) or configure Sms:DefaultRegion.";
            return false;
        }

        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = "+" + trimmed[2..];
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(trimmed, international ? null : _defaultRegion);
        }
        catch (NumberParseException)
        {
            error = $"'{trimmed}' is not a phone number.";
            return false;
        }

        if (!Util.IsValidNumber(parsed))
        {
            error = $"'{trimmed}' is not a valid phone number.";
            return false;
        }

        e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        error = null;
        return true;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// The defence against SMS pumping (toll fraud through the gateway): only allowed countries, no
/// premium-rate or shared-cost numbers, and a per-number hourly limit. Intake asks it about every
/// destination before anything is stored.
/// </summary>
public sealed partial class DestinationPolicy
{
    private const int LoggedNothing = 0;
    private const int LoggedAllCountries = -1;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private readonly DestinationPolicyOptions _options;
    private readonly ISmsModem? _modem;
    private readonly ILogger<DestinationPolicy> _logger;
    private readonly DestinationRateLimiter _rate;
    private readonly ISharedDestinationCounter? _shared;
    private readonly bool _allCountries;
    private readonly HashSet<int> _countries;
    private int _loggedDefault = LoggedNothing;

    // The modem's SIM gives the default country; a host without a modem (the cloud intake) has none.
    // The message history rebuilds the in-memory per-number counts at start where the host has one (the standalone
    // agent); a host that scales out (the cloud intake) counts in a shared store instead of in memory.
    public DestinationPolicy(
        IOptions<DestinationPolicyOptions> options,
        TimeProvider time,
        ILogger<DestinationPolicy> logger,
        ISmsModem? modem = null,
        IMessageHistory? history = null,
        ISharedDestinationCounter? shared = null)
    {
        _shared = shared;
        _options = options.Value;
        _modem = modem;
        _logger = logger;
        _rate = new DestinationRateLimiter(_options.PerDestinationPerHour, time, history);
        _allCountries = _options.AllowedCountryCodes.Any(c => c.Trim() == "*");
        _countries = _options.AllowedCountryCodes
            .Select(c => CountryCodes.TryParse(c, out var code) ? code : 0)
            .Where(code => code > 0)
            .ToHashSet();
    }

    /// <summary>Why <paramref name="e164"/> (a valid E.164 number) may not be sent to, or null when it may.</summary>
    public string? Check(string e164)
    {
        var number = Util.Parse(e164, null);
        if (!IsCountryAllowed(number.CountryCode, out var allowed))
        {
            return $"Numbers with country code +{number.CountryCode} are not allowed (allowed: {allowed}); see Sms:AllowedCountryCodes.";
        }

        if (!_options.AllowPremium)
        {
            var type = Util.GetNumberType(number);
            if (type is PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST)
            {
                var kind = type == PhoneNumberType.PREMIUM_RATE ? "premium-rate" : "shared-cost";
                return $"This is a {kind} number; those are refused unless Sms:AllowPremium is true.";
            }
        }

        return null;
    }

    /// <summary>
    /// Holds one SMS to each number, or refuses when one is at its hourly limit (then nothing is held). The caller
    /// commits the admission once the request is stored and releases it otherwise, so only stored requests are charged.
    /// </summary>
    public async ValueTask<DestinationAdmission> AdmitAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        if (_options.PerDestinationPerHour <= 0)
        {
            return UnlimitedAdmission.Instance;
        }

        if (_shared is null)
        {
            return _rate.TryHold(numbers, out var hold, out var limited)
                ? new HeldAdmission(_rate, hold)
                : Refuse(limited.Number, limited.RetryAfter);
        }

        var check = await _shared.CheckAsync(numbers, _options.PerDestinationPerHour, cancellationToken);
        return check.Limited is { } hit ? Refuse(hit.Number, hit.RetryAfter) : new SharedAdmission(check, _logger);
    }

    private DestinationAdmission.Refused Refuse(string number, TimeSpan retryAfter)
    {
        var refusal = new DestinationRefusal(PhoneMask.Mask(number), retryAfter, _options.PerDestinationPerHour);
        LogDestinationLimited(_logger, refusal.MaskedNumber, _options.PerDestinationPerHour);
        return new DestinationAdmission.Refused(refusal);
    }

    private bool IsCountryAllowed(int countryCode, out string allowed)
    {
        if (_allCountries)
        {
            allowed = "all";
            return true;
        }

        if (_countries.Count > 0)
        {
            allowed = string.Join(", ", _countries.Order().Select(c => $"+{c}"));
            return _countries.Contains(countryCode);
        }

        // Not configured: the SIM's home country, once the modem has said which that is.
        if (CountryCodes.TryGetHomeCountry(_modem?.Status.Imsi, out var home, out var region))
        {
            if (Interlocked.Exchange(ref _loggedDefault, home) != home)
            {
                LogHomeCountryOnly(_logger, home, region);
            }

            allowed = $"+{home}, the SIM's home country";
            return countryCode == home;
        }

        if (Interlocked.Exchange(ref _loggedDefault, LoggedAllCountries) != LoggedAllCountries)
        {
            LogHomeCountryUnknown(_logger);
        }

        allowed = "all";
        return true;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Sms:AllowedCountryCodes is not set: sending only to +{CountryCode} ({Region}), the home country of the modem's SIM")]
    private static partial void LogHomeCountryOnly(ILogger logger, int countryCode, string region);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Sms:AllowedCountryCodes is not set and the SIM's home country is not known (yet): sending to all countries; set Sms:AllowedCountryCodes to restrict them")]
    private static partial void LogHomeCountryUnknown(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Refused a request: {To} already had {Limit} SMS in the last hour (Sms:PerDestinationPerHour)")]
    private static partial void LogDestinationLimited(ILogger logger, string to, int limit);
}

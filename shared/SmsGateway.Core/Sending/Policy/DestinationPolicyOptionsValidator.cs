using Microsoft.Extensions.Options;
using SmsGateway.Core.Phone;

namespace SmsGateway.Core.Sending.Policy;

/// <summary>Checks the destination settings at start, naming the key and the bad value.</summary>
internal sealed class DestinationPolicyOptionsValidator : IValidateOptions<DestinationPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, DestinationPolicyOptions options)
    {
        var failures = new List<string>();
        foreach (var code in options.AllowedCountryCodes)
        {
            if (code != "*" && !CountryCodes.TryParse(code, out _))
            {
                failures.Add($"Sms:AllowedCountryCodes is invalid ('{code}'): list country calling codes such as 49 or 43, or \"*\" for all countries");
            }
        }

        if (options.PerDestinationPerHour is < 0 or > 100_000)
        {
            failures.Add($"Sms:PerDestinationPerHour is invalid ('{options.PerDestinationPerHour}'): must be between 0 (no limit) and 100000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

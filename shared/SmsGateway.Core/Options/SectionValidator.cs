using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Options;

/// <summary>
/// DataAnnotations validation whose failures name the configuration key (<c>Sms:MaxSegments</c>)
/// and the value, so a bad setting stops start-up with one line a person can act on. The value of a secret
/// (<c>[DataType(DataType.Password)]</c>, such as the SIM PIN) is never shown.
/// </summary>
public sealed class SectionValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault() ?? string.Empty;
            var property = typeof(TOptions).GetProperty(member);
            if (property?.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true).OfType<DataTypeAttribute>().Any(a => a.DataType == DataType.Password) == true)
            {
                return $"{sectionName}:{member} is invalid: {r.ErrorMessage}";
            }

            return $"{sectionName}:{member} is invalid ('{property?.GetValue(options)}'): {r.ErrorMessage}";
        });
        return ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>Stops start-up on a malformed agent setting, naming the key (never the key's value).</summary>
public sealed class AgentsOptionsValidator : IValidateOptions<AgentsOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.OfflineAfter <= TimeSpan.Zero || options.OfflineAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"{AgentsOptions.SectionName}:{nameof(AgentsOptions.OfflineAfter)} is invalid ('{options.OfflineAfter}'): must be more than 0 and at most 1 day");
        }

        foreach (var credential in options.Credentials)
        {
            var prefix = $"{AgentsOptions.SectionName}:{credential.AgentId}";
            if (!AgentEventBatchValidator.IsValidId(credential.AgentId))
            {
                failures.Add($"{prefix} is not a valid agent id: use letters, digits, '-', '_', '.' or ':'");
            }

            if (credential.KeyHash is not null && credential.Key is not null)
            {
                failures.Add($"{prefix} has both KeyHash and Key; keep one");
            }
            else if (credential.KeyHash is { } hash && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)))
            {
                failures.Add($"{prefix}:KeyHash must be the SHA-256 of the key as 64 hex digits");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

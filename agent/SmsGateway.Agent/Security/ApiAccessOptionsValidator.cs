using Microsoft.Extensions.Options;

namespace SmsGateway.Agent.Security;

/// <summary>Checks the API access settings at start, one line per problem naming the key.</summary>
internal sealed class ApiAccessOptionsValidator : IValidateOptions<ApiAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiAccessOptions options)
    {
        var failures = new List<string>();
        if (options.RateLimit.PermitsPerSecond is < 1 or > 1_000_000)
        {
            failures.Add($"Api:RateLimit:PermitsPerSecond is invalid ('{options.RateLimit.PermitsPerSecond}'): must be between 1 and 1000000");
        }

        if (options.RateLimit.Burst is < 0 or > 1_000_000)
        {
            failures.Add($"Api:RateLimit:Burst is invalid ('{options.RateLimit.Burst}'): must be between 0 (twice the rate) and 1000000");
        }

        if (options.DailyCap < 0)
        {
            failures.Add($"Api:DailyCap is invalid ('{options.DailyCap}'): must be 0 (no cap) or more");
        }

        foreach (var (client, settings) in options.Clients)
        {
            ValidateClient($"Api:Clients:{client}", settings, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateClient(string path, ApiClientOptions client, List<string> failures)
    {
        var hasKey = !string.IsNullOrWhiteSpace(client.Key);
        var hasHash = !string.IsNullOrWhiteSpace(client.KeyHash);
        if (hasKey == hasHash)
        {
            failures.Add($"{path} is invalid: give exactly one of KeyHash (recommended; 'SmsGateway.Agent apikey new' prints one) or Key");
        }
        else if (hasHash && !ApiKeyHash.TryParse(client.KeyHash, out _))
        {
            // The value is a hash, not a secret, so it may be shown.
            failures.Add($"{path}:KeyHash is invalid ('{client.KeyHash}'): must be 'sha256:' followed by 64 hex digits");
        }
        else if (hasKey && client.Key!.Length is < 16 or > 256)
        {
            failures.Add($"{path}:Key is invalid: must be 16 to 256 characters long");
        }

        if (client.Scopes.Length == 0 || client.Scopes.Any(s => !ApiScopes.IsKnown(s)))
        {
            failures.Add($"{path}:Scopes is invalid ('{string.Join(", ", client.Scopes)}'): list one or more of {string.Join(", ", ApiScopes.All)}");
        }

        if (client.RateLimit is < 1 or > 1_000_000)
        {
            failures.Add($"{path}:RateLimit is invalid ('{client.RateLimit}'): must be between 1 and 1000000 requests per second");
        }

        if (client.DailyCap < 0)
        {
            failures.Add($"{path}:DailyCap is invalid ('{client.DailyCap}'): must be 0 (no cap) or more");
        }
    }
}

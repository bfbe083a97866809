using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// Checks the <c>Cloud</c> section. Hand-written rather than DataAnnotations: the generic validator
/// quotes the offending value, and these values include the agent key.
/// </summary>
public sealed partial class CloudOptionsValidator : IValidateOptions<CloudOptions>
{
    public ValidateOptionsResult Validate(string? name, CloudOptions options)
    {
        var failures = new List<string>();
        const string Section = CloudOptions.SectionName;

        if (options.BaseUrl is not { IsAbsoluteUri: true } url)
        {
            failures.Add($"{Section}:BaseUrl is required: the absolute https URL of the Functions app");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            failures.Add($"{Section}:BaseUrl must use https (http only for a loopback address); got scheme '{url.Scheme}'");
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"{Section}:BaseUrl must not carry a query or credentials; put keys in {Section}:AgentKey and {Section}:FunctionKey");
        }

        if (string.IsNullOrWhiteSpace(options.AgentId))
        {
            failures.Add($"{Section}:AgentId is required");
        }
        else if (!AgentIdPattern().IsMatch(options.AgentId))
        {
            failures.Add($"{Section}:AgentId is invalid ('{options.AgentId}'): use 1-40 lowercase letters, digits and inner dashes, as in the infrastructure's agents list");
        }

        if (string.IsNullOrWhiteSpace(options.AgentKey))
        {
            failures.Add($"{Section}:AgentKey is required (the key the cloud issued for this agent)");
        }
        else if (options.AgentKey.Length < 16)
        {
            failures.Add($"{Section}:AgentKey is too short (at least 16 characters)");
        }

        Check(failures, options.HeartbeatInterval, TimeSpan.FromSeconds(0.1), TimeSpan.FromHours(1), "HeartbeatInterval");
        Check(failures, options.EventLinger, TimeSpan.Zero, TimeSpan.FromSeconds(30), "EventLinger");
        Check(failures, options.RequestTimeout, TimeSpan.FromSeconds(0.1), TimeSpan.FromMinutes(5), "RequestTimeout");
        Check(failures, options.RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "RetryBaseDelay");
        Check(failures, options.RetryMaxDelay, options.RetryBaseDelay, TimeSpan.FromDays(1), "RetryMaxDelay");
        Check(failures, options.DeliveredRetention, TimeSpan.Zero, TimeSpan.FromDays(365), "DeliveredRetention");
        if (options.MaxBatchSize < 1 || options.MaxBatchSize > AgentEventBatch.MaxEvents)
        {
            failures.Add($"{Section}:MaxBatchSize is invalid ('{options.MaxBatchSize}'): must be between 1 and {AgentEventBatch.MaxEvents}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string key)
    {
        if (value < min || value > max)
        {
            failures.Add($"{CloudOptions.SectionName}:{key} is invalid ('{value}'): must be between {min} and {max}");
        }
    }

    // The same rule the infrastructure applies: it becomes part of a subscription and a Key Vault secret name.
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentIdPattern();
}

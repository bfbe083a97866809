using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// Reads section <c>Agents</c> by hand: agent ids are keys of the section itself, beside <c>OfflineAfter</c>,
/// which the configuration binder cannot tell apart. A child with a <c>KeyHash</c> or <c>Key</c> is an agent.
/// </summary>
public sealed class AgentsOptionsSetup(IConfiguration configuration) : IConfigureOptions<AgentsOptions>
{
    public void Configure(AgentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(AgentsOptions.SectionName);
        if (section[nameof(AgentsOptions.OfflineAfter)] is { Length: > 0 } offlineAfter)
        {
            options.OfflineAfter = TimeSpan.TryParse(offlineAfter, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new OptionsValidationException(
                    AgentsOptions.SectionName,
                    typeof(AgentsOptions),
                    [$"{AgentsOptions.SectionName}:{nameof(AgentsOptions.OfflineAfter)} is invalid ('{offlineAfter}'): must be a time span such as 00:05:00"]);
        }

        foreach (var agent in section.GetChildren())
        {
            var keyHash = agent["KeyHash"];
            var key = agent["Key"];
            if (!string.IsNullOrEmpty(keyHash) || !string.IsNullOrEmpty(key))
            {
                options.Credentials.Add(new AgentCredential(agent.Key, NullIfEmpty(keyHash), NullIfEmpty(key)));
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

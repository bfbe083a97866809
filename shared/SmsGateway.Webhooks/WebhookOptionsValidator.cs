using System.Globalization;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Webhooks;
using Microsoft.Extensions.Configuration;

namespace SmsGateway.Webhooks;

/// <summary>
/// Checks the section at start: no setting it does not know (a typo such as <c>Evnts</c> would otherwise subscribe to
/// everything), and each <c>Webhooks:Endpoints:N</c>: the URL against the address rules, known event types, the
/// secret's form (never its value).
/// </summary>
internal sealed class WebhookOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<WebhookOptions>
{
    private static readonly string[] Settings = [.. typeof(WebhookOptions).GetProperties().Select(p => p.Name)];
    private static readonly string[] EndpointSettings = [.. typeof(WebhookEndpointOptions).GetProperties().Select(p => p.Name)];

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var policy = new WebhookAddressPolicy(options.AllowHttp, options.AllowPrivateNetworks);
        var failures = UnknownSettings().ToList();
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            var entry = options.Endpoints[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"Webhooks:Endpoints:{i}");
            if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url))
            {
                failures.Add($"{key}:Url is invalid ('{entry.Url}'): give an absolute https:// URL");
            }
            else if (policy.CheckUrl(url) is { } refusal)
            {
                failures.Add($"{key}:Url is refused ('{entry.Url}'): {refusal}");
            }

            foreach (var type in entry.Events.Where(t => !WebhookEventTypes.IsSubscribable(t)))
            {
                failures.Add($"{key}:Events has an unknown event type '{type}': use {string.Join(", ", WebhookEventTypes.All)} or *");
            }

            if (!WebhookSecret.IsValid(entry.Secret))
            {
                failures.Add($"{key}:Secret is invalid: give whsec_ and the base64 of a 24- to 64-byte key (make one with 'openssl rand -base64 32')");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> UnknownSettings()
    {
        if (configuration is null)
        {
            yield break;
        }

        var section = configuration.GetSection(WebhookOptions.SectionName);
        foreach (var child in section.GetChildren().Where(c => !Settings.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{child.Path} is not a setting; the Webhooks settings are {string.Join(", ", Settings)}";
        }

        foreach (var entry in section.GetSection(nameof(WebhookOptions.Endpoints)).GetChildren())
        {
            foreach (var child in entry.GetChildren().Where(c => !EndpointSettings.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            {
                yield return $"{child.Path} is not a setting; an endpoint has {string.Join(", ", EndpointSettings)}";
            }
        }
    }
}

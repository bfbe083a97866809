using System.Globalization;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>Checks each <c>Webhooks:Endpoints:N</c> at start: the URL against the address rules, known event types, the secret's form (never its value).</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var policy = new WebhookAddressPolicy(options.AllowHttp, options.AllowPrivateNetworks);
        var failures = new List<string>();
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
}

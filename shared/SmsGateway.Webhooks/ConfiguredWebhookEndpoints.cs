using System.Globalization;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// The endpoints of <c>Webhooks:Endpoints</c>, written to the store at start so they are delivered like the others. Their
/// ids are <c>wh_config_N</c> by position: an entry edited in the file keeps its deliveries, one removed loses them.
/// </summary>
public sealed class ConfiguredWebhookEndpoints(IWebhookStore store, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string IdPrefix = "wh_config_";

    public Task SyncAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var endpoints = options.Value.Endpoints.Select((e, i) => new WebhookEndpoint
        {
            Id = IdPrefix + i.ToString(CultureInfo.InvariantCulture),
            Url = new Uri(e.Url),
            Events = e.Events.Count == 0 ? [WebhookEventTypes.Any] : e.Events,
            Description = e.Description,
            Secret = e.Secret,
            FromConfiguration = true,
            CreatedAt = now,
        }).ToList();
        return store.SyncConfiguredEndpointsAsync(endpoints, cancellationToken);
    }
}

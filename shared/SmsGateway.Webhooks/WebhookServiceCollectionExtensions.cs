using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Signed webhooks for the standalone gateway: options validated at start, the event factory (so status changes and
    /// inbound messages are stored with their events), the sender on a guarded HTTP handler, the dispatcher and the
    /// listener that wakes it. The host registers <see cref="IWebhookStore"/> (the embedded storage does).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<WebhookEventFactory>();
        services.TryAddSingleton<WebhookWakeUp>();
        services.TryAddSingleton(sp => Policy(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
            var http = new HttpClient(WebhookSender.CreateHandler(sp.GetRequiredService<WebhookAddressPolicy>(), settings.ConnectTimeout))
            {
                // The sender's own timeout (on the injected clock) ends a request; this one must never come first.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            return new WebhookSender(http, sp.GetRequiredService<WebhookAddressPolicy>(), sp.GetRequiredService<TimeProvider>(), settings.RequestTimeout);
        });
        services.TryAddSingleton(sp => new WebhookRetrySchedule(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.RetryPeriod));
        services.TryAddSingleton(sp => new WebhookDeliverer(
            sp.GetRequiredService<IWebhookStore>(),
            sp.GetRequiredService<WebhookSender>(),
            sp.GetRequiredService<WebhookRetrySchedule>(),
            sp.GetRequiredService<WebhookWakeUp>(),
            sp.GetRequiredService<WebhookMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            LockDuration(sp.GetRequiredService<IOptions<WebhookOptions>>().Value),
            sp.GetRequiredService<ILogger<WebhookDeliverer>>()));
        services.TryAddSingleton<ConfiguredWebhookEndpoints>();
        services.TryAddSingleton<WebhookWakeUpListener>();
        services.AddSingleton<IDestinationStatusListener>(sp => sp.GetRequiredService<WebhookWakeUpListener>());
        services.AddSingleton<IInboundMessageListener>(sp => sp.GetRequiredService<WebhookWakeUpListener>());
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<ModemStatusEvents>();
        return services;
    }

    /// <summary>The address rules of <paramref name="options"/>.</summary>
    public static WebhookAddressPolicy Policy(WebhookOptions options) => new(options.AllowHttp, options.AllowPrivateNetworks);

    // Longer than any one attempt, so a lease only runs out when the gateway stopped mid-request.
    private static TimeSpan LockDuration(WebhookOptions options) => (options.RequestTimeout * 2) + TimeSpan.FromSeconds(30);
}

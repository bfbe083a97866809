using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmsGateway.Azure.Agents;
using SmsGateway.Azure.Hosting;
using SmsGateway.Core.Agents;
using SmsGateway.Core.Chat;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Policy;
using SmsGateway.Core.Telemetry;
using SmsGateway.Functions.Agents;
using SmsGateway.Http;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Functions.Hosting;

public static class CloudGatewayRegistration
{
    /// <summary>
    /// The cloud shape behind the functions: Table storage for state (<c>Tables</c>), Service Bus for the
    /// queue (<c>ServiceBus</c>), intake, the agents' events and health (<c>Agents</c>, <c>Outbound:LockDuration</c>),
    /// and the Telegram webhook when the bridge is configured and its stores are registered.
    /// </summary>
    public static IHostApplicationBuilder AddCloudGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAzureTableStore();
        services.AddServiceBusQueue();
        services.AddAzureAgentStores();
        services.AddGatewayMetrics();
        services.AddDestinationPolicy();
        services.AddMessageIntake();
        services.AddAgentEvents();
        AddTelegramWhenItsStoresExist(builder);
        services.AddCloudHttp();
        return builder;
    }

    /// <summary>The JSON and problem+json of every HTTP function, and the worker server's body limit.</summary>
    public static IServiceCollection AddCloudHttp(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, FunctionsJsonContext.Default);
        });

        // Server-wide: the largest body any function takes. Smaller limits are set per request.
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = AgentEventsFunction.MaxBodyBytes);
        return services;
    }

    private static void AddTelegramWhenItsStoresExist(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The bridge needs its inbox, outbox and chat store on Table storage; until a deployment registers them
        // the webhook stays off (404) rather than failing every function at resolution.
        var storesRegistered = new[] { typeof(IChatInbox), typeof(IOutbox), typeof(IChatBridgeStore) }
            .All(type => services.Any(d => d.ServiceType == type));
        if (storesRegistered)
        {
            services.AddTelegramBridgeServices(builder.Configuration);
        }
    }
}

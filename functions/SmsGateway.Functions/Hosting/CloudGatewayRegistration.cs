using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmsGateway.Azure.Agents;
using SmsGateway.Azure.Chat;
using SmsGateway.Azure.Hosting;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Telemetry;
using SmsGateway.Functions.Agents;
using SmsGateway.Functions.Maintenance;
using SmsGateway.Http;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Functions.Hosting;

public static class CloudGatewayRegistration
{
    /// <summary>
    /// The cloud shape behind the functions: Table storage for state (<c>Tables</c>), Service Bus for the
    /// queue (<c>ServiceBus</c>), intake, the agents' events and health (<c>Agents</c>, <c>Outbound:LockDuration</c>),
    /// housekeeping (<c>Housekeeping</c>), and the Telegram bridge (<c>Telegram</c>, webhook mode) with its stores on
    /// Table storage; without <c>Telegram:BotToken</c> the webhook answers 404.
    /// </summary>
    public static IHostApplicationBuilder AddCloudGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAzureTableStore();
        services.AddServiceBusQueue();
        services.AddAzureAgentStores();
        services.AddGatewayMetrics();
        services.AddDestinationPolicy();

        // Functions scale out: the per-number limit is counted in Table storage, shared by every instance.
        services.AddSingleton<ISharedDestinationCounter, TableDestinationCounter>();
        services.AddMessageIntake();
        services.AddAgentEvents();
        services.AddValidatedOptions<HousekeepingOptions>(HousekeepingOptions.SectionName);
        services.AddAzureChatStores();
        services.AddTelegramBridgeServices(builder.Configuration);

        services.AddOptionsValidator<TelegramOptions, CloudTelegramOptionsValidator>();
        services.AddCloudHttp();
        builder.AddCloudTelemetry();
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
}

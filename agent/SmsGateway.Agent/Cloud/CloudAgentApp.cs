using SmsGateway.Agent.Api;
using SmsGateway.Agent.Configuration;
using SmsGateway.Agent.Hosting;
using SmsGateway.Azure.Hosting;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Options;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Http;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// The agent in the cloud shape: no HTTP intake (the Functions take messages), the queue is this agent's
/// Service Bus subscription, worked by the same outbound worker and processor as standalone; a local
/// SQLite record of what it handles; status changes, inbound SMS and heartbeats go to the cloud through
/// a durable outbox. Locally only <c>/api/health</c> and <c>/metrics</c> are served.
/// </summary>
public static class CloudAgentApp
{
    public static WebApplication Build(WebApplicationBuilder builder, Action<WebApplicationBuilder>? customize = null)
    {
        builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName);
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        builder.Services.AddEmbeddedStorage();
        builder.Services.AddInboundProcessing();

        // Before the queue and the modem: a host that brings its own (tests, tools) keeps them.
        customize?.Invoke(builder);
        builder.AddGatewayModem();

        // After the modem: hosted services stop in reverse order, so the worker finishes its send before the port closes.
        builder.Services.AddOutboundWorker();
        builder.AddGatewayTelemetry();
        builder.AddCloudAgent();

        builder.Services.AddHttpProblems();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        app.MapGatewayTelemetry();
        return app;
    }

    /// <summary>Registers the cloud parts: options, the Service Bus queue, the local records, the events outbox and its workers.</summary>
    public static WebApplicationBuilder AddCloudAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CloudOptions, CloudOptionsValidator>(CloudOptions.SectionName);
        services.AddOptionsValidator<OutboundOptions, CloudOutboundOptionsValidator>();

        // The queue is this agent's subscription, with every envelope recorded locally as it is received. No queue
        // recovery here: the cloud owns the queue and re-publishes from its own store (AddQueueRecovery's summary).
        services.AddServiceBusOutboundQueue();
        services.AddSingleton<EnvelopeRecorder>();
        services.AddSingleton<IOutboundQueue>(sp => new CloudOutboundQueue(
            sp.GetRequiredService<ServiceBusOutboundQueue>(),
            sp.GetRequiredService<EnvelopeRecorder>(),
            sp.GetRequiredService<ILogger<CloudOutboundQueue>>()));

        services.AddKeyedSingleton<WakeUpSignal>(AgentEventOutbox.SignalKey);
        services.AddSingleton<AgentEventOutbox>();
        services.AddSingleton<IDestinationStatusListener, CloudStatusListener>();
        services.AddSingleton<IInboundMessageListener, CloudInboundListener>();
        // A singleton holds the client for the process's life: connections are recycled instead, to follow DNS.
        services.AddHttpClient<AgentEventsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<AgentEventsDrainer>();
        services.AddHostedService<AgentEventsDrainService>();
        services.AddHostedService<HeartbeatService>();
        return builder;
    }
}

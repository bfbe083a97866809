using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using SmsGateway.Agent.Api;
using SmsGateway.Agent.Cloud;
using SmsGateway.Agent.Configuration;
using SmsGateway.Agent.Security;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Options;
using SmsGateway.Http;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Webhooks;

namespace SmsGateway.Agent.Hosting;

/// <summary>Builds the standalone gateway: HTTP API, embedded queue and store, outbound worker, modem.</summary>
public static class GatewayApp
{
    public const string DefaultUrls = "http://localhost:5080";

    // Beyond the send's grace: its outcome's writes and the other services' stops.
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(15);

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            KestrelLimits.Apply(kestrel.Limits);
        });

        // Under systemd: readiness and stopping notifications, journal-friendly logs; elsewhere a no-op.
        builder.Services.AddSystemd();

        // A stop waits for the SMS on the air (Outbound:StopGrace) and the writes after it. Read from the raw
        // setting: the host's options are built with the host, before start-up validation reports a bad value.
        var stopGrace = TimeSpan.TryParse(builder.Configuration["Outbound:StopGrace"], CultureInfo.InvariantCulture, out var grace) && grace >= TimeSpan.Zero
            ? grace
            : new OutboundOptions().StopGrace;
        builder.Services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = TimeSpan.FromTicks(Math.Max(host.ShutdownTimeout.Ticks, (stopGrace + StopMargin).Ticks)));
        if (CloudMode.IsSelected(builder.Configuration))
        {
            return CloudAgentApp.Build(builder, customize);
        }

        builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName);
        builder.Services.AddValidatedOptions<ApiOptions>(ApiOptions.SectionName);
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        builder.Services.AddEmbeddedStorage();
        builder.Services.AddEmbeddedQueue();
        builder.Services.AddMessageIntake();
        builder.AddTelegramBridge();
        builder.Services.AddInboundProcessing();
        builder.Services.AddWebhooks();
        // Before the modem: a host that brings its own modem (tests, tools) keeps it.
        customize?.Invoke(builder);
        builder.AddGatewayModem();

        // After the modem: hosted services stop in reverse order, so the worker finishes its send before the port closes.
        builder.Services.AddOutboundWorker();
        builder.Services.AddQueueRecovery();
        builder.AddApiSecurity();
        builder.AddGatewayTelemetry();

        builder.Services.AddHttpProblems();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapGatewayTelemetry();
        app.MapMessagesEndpoints();
        app.MapInboundEndpoints();
        app.MapDeadLettersEndpoints();
        app.MapWebhooksEndpoints();
        app.MapModemEndpoints(app.Configuration);
        app.MapTelegramWebhook();
        return app;
    }
}

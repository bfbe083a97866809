using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Agent.Hosting;

/// <summary>
/// OpenTelemetry for the agent: the <c>SmsGateway</c> metrics (and ASP.NET Core's) on a Prometheus
/// scrape endpoint <c>/metrics</c> (<c>Telemetry:Prometheus:Enabled</c>, default on), and metrics and
/// traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryRegistration
{
    public const string PrometheusEnabledKey = "Telemetry:Prometheus:Enabled";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutboundGauges();
        var prometheus = builder.Configuration.GetValue(PrometheusEnabledKey, true);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (!prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("SmsGateway.Agent"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayTelemetry.Name).AddAspNetCoreInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Spans are only recorded when something receives them.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(GatewayTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> (anonymous, like <c>/api/health</c>: counts and gauges only, no numbers or texts).</summary>
    public static WebApplication MapGatewayTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue(PrometheusEnabledKey, true))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }
}

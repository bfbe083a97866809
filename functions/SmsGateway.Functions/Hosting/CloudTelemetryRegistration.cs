using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using SmsGateway.Azure.Hosting;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Functions.Hosting;

/// <summary>
/// OpenTelemetry for the Functions worker: the <c>SmsGateway</c> spans (intake, publish) and metrics, with the
/// worker's own function-invocation spans as their parents (so an HTTP call, its Service Bus message and the agent's
/// send are one trace), and logs. Exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is
/// set (as the infra templates set it) and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is; with neither,
/// nothing is recorded.
/// </summary>
public static class CloudTelemetryRegistration
{
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddCloudTelemetry(this IHostApplicationBuilder builder)
    {
        var applicationInsights = builder.Configuration[ApplicationInsightsKey];
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (string.IsNullOrWhiteSpace(applicationInsights) && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(GatewayTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(GatewayTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(applicationInsights))
        {
            // The templates turn local auth off (ingestion by Entra ID only) and say which identity signs in through
            // APPLICATIONINSIGHTS_AUTHENTICATION_STRING; that identity's credential is the one the stores use.
            var clientId = AadClientId(builder.Configuration[AuthenticationKey]);
            builder.Services.TryAddSingleton<AzureCredentials>();
            builder.Services.AddOptions<AzureMonitorExporterOptions>().Configure<AzureCredentials>((o, credentials) =>
            {
                o.ConnectionString = applicationInsights;
                if (clientId is not null)
                {
                    o.Credential = credentials.For(clientId.Length == 0 ? null : clientId);
                }
            });
            telemetry.UseAzureMonitorExporter();
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The managed identity of <c>Authorization=AAD;ClientId=…</c> ("" for the system identity), or null when the
    /// string does not ask for Entra ID sign-in.
    /// </summary>
    public static string? AadClientId(string? authentication)
    {
        var parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            ? parts.GetValueOrDefault("ClientId") ?? string.Empty
            : null;
    }
}

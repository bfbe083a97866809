using System.Text;
using OpenTelemetry.Trace;
using SmsGateway.Functions.Hosting;
using SmsGateway.Functions.Messages;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Functions.Tests.Telemetry;

/// <summary>The Functions worker exports its spans: over OTLP when an endpoint is configured, and records nothing without one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TheIntakeSpansAreExported()
    {
        await using var collector = await FakeOtlpReceiver.StartAsync();
        await using var host = await CloudHost.StartAsync(azurite, overrides: new Dictionary<string, string?>
        {
            [CloudTelemetryRegistration.OtlpEndpointKey] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        var request = host.Request("POST", "/api/messages", "{\"to\": [\"+4915112345678\"], \"text\": \"exported\"}");
        Assert.Equal(202, (await CloudHost.ExecuteAsync(request, await host.Function<MessageFunctions>().SendAsync(request, CancellationToken.None))).Status);
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        var traces = collector.Exports.Where(e => e.Path == "/v1/traces").Select(e => Encoding.UTF8.GetString(e.Body)).ToList();
        Assert.Contains(traces, t => t.Contains("sms.intake", StringComparison.Ordinal) && t.Contains("sms.publish", StringComparison.Ordinal));

        // The worker's defaults name the service after the function app (WEBSITE_SITE_NAME in Azure).
        Assert.Contains(traces, t => t.Contains("service.name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnExporter_NoTracerIsRegistered()
    {
        await using var host = await CloudHost.StartAsync(azurite);

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithApplicationInsights_TheExporterSignsInWithTheIdentityOfTheAuthenticationString()
    {
        await using var host = await CloudHost.StartAsync(azurite, overrides: new Dictionary<string, string?>
        {
            [CloudTelemetryRegistration.ApplicationInsightsKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            [CloudTelemetryRegistration.AuthenticationKey] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<global::Azure.Monitor.OpenTelemetry.Exporter.AzureMonitorExporterOptions>>().CurrentValue;

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.StartsWith("InstrumentationKey=", options.ConnectionString, StringComparison.Ordinal);
        Assert.Same(host.Services.GetRequiredService<SmsGateway.Azure.Hosting.AzureCredentials>().For("11111111-2222-3333-4444-555555555555"), options.Credential);
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", "abc")]
    [InlineData("Authorization=aad", "")]
    [InlineData(null, null)]
    [InlineData("Authorization=None", null)]
    public void AadClientId_ReadsTheAuthenticationString(string? authentication, string? expected) =>
        Assert.Equal(expected, CloudTelemetryRegistration.AadClientId(authentication));
}

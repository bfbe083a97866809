using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterASend_ShowsAcceptedSentAndTheLatencyHistogram_WithoutAKey()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem());
        var response = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "measured" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        using var anonymous = new HttpClient { BaseAddress = gateway.Client.BaseAddress };

        // The exporter caches a scrape briefly, and "sent" is counted just after it is stored: poll.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string text;
        do
        {
            var scrape = await anonymous.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            text = await scrape.Content.ReadAsStringAsync();
            if (Value(text, "smsgateway_messages_sent_total") > 0 && text.Contains("smsgateway_send_latency_milliseconds_bucket", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(Value(text, "smsgateway_messages_accepted_total") > 0, text);
        Assert.True(Value(text, "smsgateway_messages_sent_total") > 0, text);
        Assert.True(Value(text, "smsgateway_send_latency_milliseconds_count") > 0, text);
        Assert.Contains("smsgateway_send_latency_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("smsgateway_modem_signal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+4915112345678", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AtStart_ShowEveryWebhookSeriesAtZero()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem());
        using var anonymous = new HttpClient { BaseAddress = gateway.Client.BaseAddress };
        string[] series =
        [
            "smsgateway_webhook_deliveries_total{otel_scope_name=\"SmsGateway\",result=\"delivered\"}",
            "smsgateway_webhook_deliveries_total{otel_scope_name=\"SmsGateway\",result=\"failed\"}",
            "smsgateway_webhook_deliveries_total{otel_scope_name=\"SmsGateway\",result=\"gone\"}",
            "smsgateway_webhook_given_up_total{otel_scope_name=\"SmsGateway\"}",
            "smsgateway_webhook_backlog{otel_scope_name=\"SmsGateway\"}",
        ];

        var text = "";
        await Eventually.WaitUntilAsync(
            async () =>
            {
                text = await anonymous.GetStringAsync("/metrics");
                return series.All(s => text.Contains(s + " 0", StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(15),
            "the webhook series at 0");
    }

    [Fact]
    public async Task Metrics_Disabled_404()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "false" });

        var scrape = await gateway.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }

    // The sum over all series of a metric (lines "name{labels} value" or "name value").
    private static double Value(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture));
}

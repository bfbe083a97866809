using Microsoft.Extensions.Options;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Webhooks;

/// <summary>A bad <c>Webhooks</c> setting stops the standalone gateway's start with a line naming it (never the secret).</summary>
public sealed class WebhookConfigurationTests
{
    [Theory]
    [InlineData("Webhooks:Endpoints:0:Url", "http://hooks.example.com/in", "Webhooks:Endpoints:0:Url is refused")]
    [InlineData("Webhooks:Endpoints:0:Evnts:0", "message.sent", "Webhooks:Endpoints:0:Evnts is not a setting")]
    [InlineData("Webhooks:Endpoints:0:Secret", "hunter2-hunter2", "Webhooks:Endpoints:0:Secret is invalid")]
    [InlineData("Webhooks:RetryPeriod", "30.00:00:00", "Webhooks:RetryPeriod is invalid")]
    public async Task ABadSetting_StopsTheStart_NamingIt(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Url"] = "https://hooks.example.com/in",
            ["Webhooks:Endpoints:0:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            [key] = value,
        };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayInstance.StartAsync(new ScriptedModem(), settings));

        Assert.Contains(ex.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("hunter2", StringComparison.Ordinal));
    }
}

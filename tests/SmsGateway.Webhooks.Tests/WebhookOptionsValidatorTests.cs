using Microsoft.Extensions.Configuration;

namespace SmsGateway.Webhooks.Tests;

public sealed class WebhookOptionsValidatorTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebhookOptionsValidator _sut = new();

    [Fact]
    public void Validate_AGoodEndpoint_Succeeds() =>
        Assert.True(_sut.Validate(null, With(new WebhookEndpointOptions { Url = "https://hooks.example.com/in", Secret = Secret, Events = ["message.sent", "*"] })).Succeeded);

    [Theory]
    [InlineData("http://hooks.example.com/in", "message.sent", Secret, "Webhooks:Endpoints:0:Url is refused")]
    [InlineData("not a url", "message.sent", Secret, "Webhooks:Endpoints:0:Url is invalid")]
    [InlineData("https://hooks.example.com/in", "message.sended", Secret, "Webhooks:Endpoints:0:Events has an unknown event type 'message.sended'")]
    [InlineData("https://hooks.example.com/in", "message.sent", "hunter2", "Webhooks:Endpoints:0:Secret is invalid")]
    public void Validate_ABadEntry_FailsNamingTheSetting(string url, string type, string secret, string message)
    {
        var result = _sut.Validate(null, With(new WebhookEndpointOptions { Url = url, Secret = secret, Events = [type] }));

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpToTheLan_WithBothAllowed_Succeeds()
    {
        var options = With(new WebhookEndpointOptions { Url = "http://192.168.1.20:8080/in", Secret = Secret });
        options.AllowHttp = true;
        options.AllowPrivateNetworks = true;

        Assert.True(_sut.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AnUnknownSetting_FailsNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHTTP"] = "true",
            ["Webhooks:AlowPrivateNetworks"] = "true",
            ["Webhooks:Endpoints:0:Url"] = "https://hooks.example.com/in",
            ["Webhooks:Endpoints:0:Secret"] = Secret,
            ["Webhooks:Endpoints:0:Evnts:0"] = "message.sent",
        }).Build();

        var result = new WebhookOptionsValidator(configuration).Validate(null, With(new WebhookEndpointOptions { Url = "https://hooks.example.com/in", Secret = Secret }));

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Webhooks:AlowPrivateNetworks is not a setting", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Webhooks:Endpoints:0:Evnts is not a setting", StringComparison.Ordinal));
    }

    private static WebhookOptions With(WebhookEndpointOptions endpoint) => new() { Endpoints = [endpoint] };
}

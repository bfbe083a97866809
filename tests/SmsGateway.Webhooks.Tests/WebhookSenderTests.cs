using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks.Tests;

public sealed class WebhookSenderTests
{
    private readonly WebhookAddressPolicy _strict = new(allowHttp: false, allowPrivateNetworks: false);

    [Fact]
    public async Task Handler_ConnectingToANameThatResolvesToLoopback_IsRefused()
    {
        using var http = new HttpClient(WebhookSender.CreateHandler(_strict, TimeSpan.FromSeconds(5)));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("https://localhost:1/in")));

        Assert.IsType<WebhookAddressRefusedException>(ex.InnerException);
    }
}

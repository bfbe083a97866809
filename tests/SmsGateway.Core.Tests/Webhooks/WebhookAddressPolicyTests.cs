using System.Net;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    private readonly WebhookAddressPolicy _strict = new(allowHttp: false, allowPrivateNetworks: false);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void CheckAddress_PrivateLoopbackOrLinkLocal_IsRefusedNamingTheSetting(string address)
    {
        var refusal = _strict.CheckAddress(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.Contains("Webhooks:AllowPrivateNetworks", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void CheckAddress_Public_IsAllowed(string address) => Assert.Null(_strict.CheckAddress(IPAddress.Parse(address)));

    [Fact]
    public void CheckAddress_WithPrivateNetworksAllowed_AllowsLoopback() =>
        Assert.Null(new WebhookAddressPolicy(false, allowPrivateNetworks: true).CheckAddress(IPAddress.Loopback));

    [Theory]
    [InlineData("http://hooks.example.com/in", "Webhooks:AllowHttp")]
    [InlineData("ftp://hooks.example.com/in", "https://")]
    [InlineData("https://user:pw@hooks.example.com/in", "user name")]
    [InlineData("https://127.0.0.1/in", "Webhooks:AllowPrivateNetworks")]
    [InlineData("https://[::1]:8443/in", "Webhooks:AllowPrivateNetworks")]
    public void CheckUrl_ByDefault_RefusesWithAReason(string url, string reasonNames) =>
        Assert.Contains(reasonNames, _strict.CheckUrl(new Uri(url)), StringComparison.Ordinal);

    [Fact]
    public void CheckUrl_HttpsToAName_IsAllowed_ItsAddressIsCheckedWhenConnecting() =>
        Assert.Null(_strict.CheckUrl(new Uri("https://hooks.example.com/in")));
}

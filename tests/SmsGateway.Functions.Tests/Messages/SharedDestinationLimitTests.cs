using SmsGateway.Functions.Messages;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Functions.Tests.Messages;

/// <summary>
/// <c>Sms:PerDestinationPerHour</c> when the Functions scale out: two instances (two hosts over the same tables)
/// share one count per number, so the limit holds for the app, not per instance.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedDestinationLimitTests(AzuriteFixture azurite)
{
    private const string ToGerman = "{\"to\": [\"+4915112345678\"], \"text\": \"Hello\"}";
    private const string ToAustrian = "{\"to\": [\"+436641234567\"], \"text\": \"Hello\"}";

    [Fact]
    public async Task TwoInstances_ShareTheHourlyCountOfANumber()
    {
        var settings = new Dictionary<string, string?> { ["Tables:TablePrefix"] = TestTables.NewPrefix(), ["Sms:PerDestinationPerHour"] = "2" };
        await using var first = await CloudHost.StartAsync(azurite, overrides: settings);
        await using var second = await CloudHost.StartAsync(azurite, overrides: settings);

        Assert.Equal(202, (await SendAsync(first, ToGerman)).Status);
        Assert.Equal(202, (await SendAsync(second, ToGerman)).Status);
        var refused = await SendAsync(first, ToGerman);
        var refusedToo = await SendAsync(second, ToGerman);

        Assert.Equal(429, refused.Status);
        Assert.Equal(429, refusedToo.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.True(int.Parse(refused.Headers["Retry-After"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("+49151****678", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("+4915112345678", refused.Body, StringComparison.Ordinal);
        Assert.Equal(202, (await SendAsync(second, ToAustrian)).Status);
    }

    private static async Task<TestResponse> SendAsync(CloudHost host, string body)
    {
        var request = host.Request("POST", "/api/messages", body);
        var result = await host.Function<MessageFunctions>().SendAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

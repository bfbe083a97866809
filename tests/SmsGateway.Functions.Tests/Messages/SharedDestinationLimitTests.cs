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

    [Fact]
    public async Task RetriesOfOneIdempotencyKey_OnEitherInstance_AreReplayed_AndChargeTheNumberOnce()
    {
        var settings = new Dictionary<string, string?> { ["Tables:TablePrefix"] = TestTables.NewPrefix(), ["Sms:PerDestinationPerHour"] = "2" };
        await using var first = await CloudHost.StartAsync(azurite, overrides: settings);
        await using var second = await CloudHost.StartAsync(azurite, overrides: settings);

        var accepted = await SendAsync(first, ToGerman, "key-1");
        for (var i = 0; i < 5; i++)
        {
            var replay = await SendAsync(i % 2 == 0 ? second : first, ToGerman, "key-1");
            Assert.Equal(202, replay.Status);
            Assert.Equal(Id(accepted), Id(replay));
            Assert.Equal("true", replay.Headers["Idempotent-Replayed"].ToString());
        }

        // Only the first request used a share: one more fits, and then the number is at its limit...
        Assert.Equal(202, (await SendAsync(second, ToGerman, "key-2")).Status);
        Assert.Equal(429, (await SendAsync(first, ToGerman, "key-3")).Status);

        // ...where a retry of an accepted request is still answered as before.
        var atLimit = await SendAsync(second, ToGerman, "key-1");
        Assert.Equal(202, atLimit.Status);
        Assert.Equal(Id(accepted), Id(atLimit));
    }

    private static string? Id(TestResponse response) =>
        System.Text.Json.JsonDocument.Parse(response.Body).RootElement.GetProperty("id").GetString();

    private static async Task<TestResponse> SendAsync(CloudHost host, string body, string? idempotencyKey = null)
    {
        var headers = idempotencyKey is null ? [] : new[] { ("Idempotency-Key", idempotencyKey) };
        var request = host.Request("POST", "/api/messages", body, headers: headers);
        var result = await host.Function<MessageFunctions>().SendAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PhoneNumbers;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Security;

public sealed class DestinationPolicyApiTests
{
    [Fact]
    public async Task PremiumRateNumber_400NamingToIndex_NothingStored()
    {
        var util = PhoneNumberUtil.GetInstance();
        var premium = util.Format(util.GetExampleNumberForType("DE", PhoneNumberType.PREMIUM_RATE), PhoneNumberFormat.E164);
        var modem = new ScriptedModem();
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var response = await gateway.SendAsync(new { to = new[] { premium }, text = "pump" });

        var errors = await ValidationErrorsAsync(response);
        Assert.Contains("premium-rate", errors.GetProperty("to[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await gateway.QueueDepthAsync());
        Assert.Empty(modem.Sent);
    }

    [Fact]
    public async Task CountryNotInAllowedCountryCodes_400NamingTheRefusedIndexOnly()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Sms:AllowedCountryCodes:0"] = "49",
            ["Sms:AllowedCountryCodes:1"] = "43",
        });

        var response = await gateway.SendAsync(new { to = new[] { "+4915112345678", "+14155552671" }, text = "abroad" });

        var errors = await ValidationErrorsAsync(response);
        Assert.False(errors.TryGetProperty("to[0]", out _));
        Assert.Contains("+1", errors.GetProperty("to[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await gateway.QueueDepthAsync());
    }

    [Fact]
    public async Task NoAllowedCountryCodes_SimFromGermany_OnlyGermanNumbers()
    {
        var modem = new ScriptedModem();
        modem.Status = modem.Status with { Imsi = "262011234567890" };
        await using var gateway = await GatewayInstance.StartAsync(modem);

        var abroad = await gateway.SendAsync(new { to = new[] { "+14155552671" }, text = "abroad" });
        var home = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "home" });

        Assert.True((await ValidationErrorsAsync(abroad)).TryGetProperty("to[0]", out _));
        Assert.Equal(HttpStatusCode.Accepted, home.StatusCode);
    }

    [Fact]
    public async Task SameNumberOverTheHourlyLimit_429WithRetryAfterNamingTheNumberMasked()
    {
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Sms:PerDestinationPerHour"] = "2",
        });
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = $"ok {i}" })).StatusCode);
        }

        var response = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "one too many" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(55), $"Retry-After: {response.Headers.RetryAfter}");
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("+49151****678", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("+4915112345678", detail, StringComparison.Ordinal);

        // Other numbers are not held back.
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.SendAsync(new { to = new[] { "+4917612345678" }, text = "other" })).StatusCode);
    }

    private static async Task<JsonElement> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}

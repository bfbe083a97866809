using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task KeyOverItsRateLimit_429WithRetryAfter_OtherKeysUnaffected()
    {
        const string slowKey = "slow-key-0123456789";
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Api:Clients:slow:Key"] = slowKey,
            ["Api:Clients:slow:Scopes:0"] = "read",
            ["Api:Clients:slow:RateLimit"] = "1",
        });
        using var slow = new HttpClient { BaseAddress = gateway.Client.BaseAddress };
        slow.DefaultRequestHeaders.Add("X-Api-Key", slowKey);

        // One per second with a burst of two: six requests at once cannot all pass.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await slow.GetAsync("/api/inbound"));
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var limited = Assert.IsType<HttpResponseMessage>(responses.Find(r => r.StatusCode == HttpStatusCode.TooManyRequests), exactMatch: false);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");

        // The limit is per key: the test key still gets through.
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/api/inbound")).StatusCode);
    }

    [Fact]
    public async Task KeyAtItsDailyCap_429WithRetryAfter_ReplaysNotCounted()
    {
        const string cappedKey = "capped-key-0123456789";
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
        {
            ["Api:Clients:capped:Key"] = cappedKey,
            ["Api:Clients:capped:Scopes:0"] = "send",
            ["Api:Clients:capped:DailyCap"] = "2",
        });
        using var capped = new HttpClient { BaseAddress = gateway.Client.BaseAddress };
        capped.DefaultRequestHeaders.Add("X-Api-Key", cappedKey);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(capped, "+4915112345678", "one", "same")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(capped, "+4915112345678", "one", "same")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(capped, "+4917612345678", "two", null)).StatusCode);
        var refused = await SendAsync(capped, "+4917612345678", "three", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("daily cap of 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another key has its own cap.
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.SendAsync(new { to = new[] { "+4917612345678" }, text = "other key" })).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string to, string text, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new { to = new[] { to }, text }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}

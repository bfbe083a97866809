using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Api;

/// <summary>Every kind of bad request gets a 4xx problem+json naming what is wrong, and nothing is stored or sent.</summary>
public sealed class BadInputTests : GatewayTest
{
    public static TheoryData<string, string> InvalidBodies => SendMessageBadBodies.All;

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Send_InvalidBody_Returns400NamingTheField_AndStoresNothing(string body, string field)
    {
        var response = await Gateway.SendRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Send_MoreThan100Destinations_Returns400()
    {
        var numbers = Enumerable.Range(0, 101).Select(i => $"+4915112345{i:000}").ToArray();

        var response = await Gateway.SendAsync(new { to = numbers, text = "Hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("100", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Send_TextNeedingMoreThan10Segments_Returns400()
    {
        var response = await Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = new string('a', 153 * 10 + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("11 SMS parts", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Send_BodyOver64KiB_Returns413()
    {
        var text = new string('a', 70 * 1024);

        var response = await Gateway.SendRawAsync($"{{\"to\": [\"+4915112345678\"], \"text\": \"{text}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Send_WrongContentType_Returns415()
    {
        var response = await Gateway.SendRawAsync("to=+4915112345678&text=Hi", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task Send_MissingOrWrongKey_Returns401(string? key)
    {
        using var client = new HttpClient { BaseAddress = Gateway.Client.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("{\"to\": [\"+4915112345678\"], \"text\": \"Hi\"}", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Get_WithoutKey_Returns401()
    {
        using var client = new HttpClient { BaseAddress = Gateway.Client.BaseAddress };

        var response = await client.GetAsync("/api/messages/0190000000000000000000000000beef");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await Gateway.QueueDepthAsync());
        Assert.Empty(Modem.Sent);
    }
}

using SmsGateway.Functions.Messages;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Functions.Tests.Messages;

/// <summary>The standalone host's <c>/api/messages</c> contract, served by the functions over Table storage and Service Bus.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendMessageFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ValidBody = "{\"to\": [\"+4915112345678\"], \"text\": \"Hello\"}";

    private CloudHost _host = null!;

    public static TheoryData<string, string> InvalidBodies => SendMessageBadBodies.All;

    public async Task InitializeAsync() => _host = await CloudHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_ValidMessage_Returns202WithLocation_StoresAndPublishesOnce()
    {
        var response = await SendAsync(ValidBody);

        Assert.Equal(202, response.Status);
        var id = response.Json.GetProperty("id").GetString()!;
        Assert.Equal($"/api/messages/{id}", response.Headers.Location.ToString());
        Assert.Equal("queued", response.Json.GetProperty("status").GetString());
        Assert.Equal("gsm7", response.Json.GetProperty("encoding").GetString());
        Assert.Equal(1, response.Json.GetProperty("segments").GetInt32());
        Assert.Equal("+4915112345678", response.Json.GetProperty("destinations")[0].GetProperty("to").GetString());
        Assert.Single(_host.Bus.Sent);

        var status = await GetAsync(id);
        Assert.Equal(200, status.Status);
        Assert.Equal("queued", status.Json.GetProperty("destinations")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Send_TopicAtItsQuota_Returns503WithRetryAfter_AndTheRecordIsNeverSent()
    {
        _host.Bus.Quota = 0;

        var response = await SendAsync(ValidBody);

        Assert.Equal(503, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(int.Parse(response.Headers["Retry-After"]!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Empty(_host.Bus.Sent);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Send_InvalidBody_Returns400NamingTheField_AndPublishesNothing(string body, string field)
    {
        var response = await SendAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains(field, response.ErrorFields);
        Assert.Empty(_host.Bus.Sent);
    }

    [Fact]
    public async Task Send_BodyOver64KiB_Returns413()
    {
        var response = await SendAsync($"{{\"to\": [\"+4915112345678\"], \"text\": \"{new string('a', 70 * 1024)}\"}}");

        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty(_host.Bus.Sent);
    }

    [Fact]
    public async Task Send_WrongContentType_Returns415()
    {
        var response = await SendAsync("to=+4915112345678&text=Hi", "application/x-www-form-urlencoded");

        Assert.Equal(415, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty(_host.Bus.Sent);
    }

    [Fact]
    public async Task Send_SameIdempotencyKeyAndBody_ReturnsSameId_AndPublishesOnce()
    {
        var first = await SendAsync(ValidBody, idempotencyKey: "order-17");
        var second = await SendAsync(ValidBody, idempotencyKey: "order-17");

        Assert.Equal(202, second.Status);
        Assert.Equal(first.Json.GetProperty("id").GetString(), second.Json.GetProperty("id").GetString());
        Assert.Single(_host.Bus.Sent);
    }

    [Fact]
    public async Task Send_SameIdempotencyKeyOtherBody_Returns422()
    {
        await SendAsync(ValidBody, idempotencyKey: "order-18");

        var response = await SendAsync("{\"to\": [\"+4915112345678\"], \"text\": \"Something else\"}", idempotencyKey: "order-18");

        Assert.Equal(422, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Single(_host.Bus.Sent);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("no/such#id")]
    public async Task Get_UnknownId_Returns404Problem(string id)
    {
        var response = await GetAsync(id);

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    private async Task<TestResponse> SendAsync(string body, string contentType = "application/json", string? idempotencyKey = null)
    {
        var headers = idempotencyKey is null ? [] : new[] { ("Idempotency-Key", idempotencyKey) };
        var request = _host.Request("POST", "/api/messages", body, contentType, headers);
        var result = await _host.Function<MessageFunctions>().SendAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }

    private async Task<TestResponse> GetAsync(string id)
    {
        var request = _host.Request("GET", $"/api/messages/{id}", contentType: null);
        var result = await _host.Function<MessageFunctions>().GetAsync(request, id, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }
}

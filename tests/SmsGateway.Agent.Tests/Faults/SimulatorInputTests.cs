using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// <c>POST /api/simulator/inbound</c> takes exactly the senders and texts the simulator can encode as an SMS-DELIVER
/// (TS 23.040 addresses: a number of at most 20 digits, or at most 11 GSM 7-bit characters): anything else is a 400
/// naming the field, and nothing reaches the SIM.
/// </summary>
public sealed class SimulatorInputTests : IAsyncLifetime
{
    private const string Marker = "+4915100000001";
    private SimulatorGateway _gateway = null!;

    public static TheoryData<string?, string> BadSenders => new()
    {
        { "ABCDEFGHIJKL", "11 characters" },
        { "ThisSenderIsTooLong!", "11 characters" },
        { "ABCDEFGHIJ€", "count twice" },
        { "Shop😀", "GSM" },
        { "+49 151 12345678", "20 digits" },
        { "+", "20 digits" },
        { "++4915112345678", "20 digits" },
        { "+123456789012345678901", "20 digits" },
        { "123456789012345678901", "20 digits" },
        { "   ", "sender" },
        { "", "sender" },
        { null, "sender" },
    };

    public static TheoryData<string> GoodSenders =>
        ["+12345678901234567890", "12345678901234567890", "ABCDEFGHIJK", "ABCDEFGHI€", "7"];

    public async Task InitializeAsync() => _gateway = await SimulatorGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HttpClient Client => _gateway.Gateway.Client;

    [Theory]
    [MemberData(nameof(BadSenders))]
    public async Task ASenderTheSmsCannotCarry_Is400OnFrom_AndNothingIsInjected(string? from, string explained)
    {
        var response = await Client.PostAsJsonAsync("/api/simulator/inbound", new { from, text = "Hi" });

        var message = await AssertFieldErrorAsync(HttpStatusCode.BadRequest, response, "from");
        Assert.Contains(explained, message, StringComparison.Ordinal);
        await AssertOnlyTheMarkerArrivesAsync();
    }

    [Theory]
    [InlineData("{\"from\": \"+4915112345678\", \"text\": \"\"}", "text")]
    [InlineData("{\"from\": \"+4915112345678\"}", "text")]
    [InlineData("{\"from\": \"+4915112345678\", \"text\": 42}", "text")]
    [InlineData("{\"from\": 4915112345678, \"text\": \"Hi\"}", "from")]
    [InlineData("{\"from\": \"+4915112345678\", \"text\": \"Hi\"", "body")]
    [InlineData("null", "body")]
    public async Task OtherBadBodies_Are400OnTheirField_AndNothingIsInjected(string json, string field)
    {
        var response = await Client.PostAsync("/api/simulator/inbound", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldErrorAsync(HttpStatusCode.BadRequest, response, field);
        await AssertOnlyTheMarkerArrivesAsync();
    }

    [Fact]
    public async Task TextOverTheSimulatorsLimit_Is400OnText_AndNothingIsInjected()
    {
        var response = await Client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text = new string('a', 1601) });

        var message = await AssertFieldErrorAsync(HttpStatusCode.BadRequest, response, "text");
        Assert.Contains("1600", message, StringComparison.Ordinal);
        await AssertOnlyTheMarkerArrivesAsync();
    }

    [Fact]
    public async Task ABodyOverTheSizeLimit_Is413OnBody_AndNothingIsInjected()
    {
        var json = $"{{\"from\": \"+4915112345678\", \"text\": \"{new string('a', 70 * 1024)}\"}}";

        // Without a declared length: the limit is met while the body is read, not before.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        var response = await Client.PostAsync("/api/simulator/inbound", content);

        await AssertFieldErrorAsync(HttpStatusCode.RequestEntityTooLarge, response, "body");
        await AssertOnlyTheMarkerArrivesAsync();
    }

    [Theory]
    [MemberData(nameof(GoodSenders))]
    public async Task ASenderAtTheLimits_IsReceivedAsSent(string from)
    {
        var response = await Client.PostAsJsonAsync("/api/simulator/inbound", new { from, text = "at the limit" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var received = await _gateway.Gateway.WaitForInboundAsync(1);
        Assert.Equal(from, received[0].GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("\u0001\u001b\u007f")]
    [InlineData("中\u007f")]
    [InlineData("€[]{}^~\\|")]
    public async Task AnyTextWithinTheLimit_IsReceivedAsSent(string text)
    {
        string[] texts = [text, string.Concat(Enumerable.Repeat(text, 1600 / text.Length))];
        foreach (var sent in texts)
        {
            var response = await Client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text = sent });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var received = await _gateway.Gateway.WaitForInboundAsync(2);
        Assert.Equal(texts.Order(StringComparer.Ordinal), received.Select(m => m.GetProperty("text").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EmojiUpToTheLimit_IsReceivedAsSent()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 800));

        var response = await Client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(text, (await _gateway.Gateway.WaitForInboundAsync(1))[0].GetProperty("text").GetString());
    }

    private static async Task<string> AssertFieldErrorAsync(HttpStatusCode status, HttpResponseMessage response, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        return Assert.Single(messages)!;
    }

    /// <summary>
    /// Injects a good SMS after the refused one and waits for it: the gateway takes the SIM's messages in order, so
    /// had the refused one reached the SIM it would be listed too.
    /// </summary>
    private async Task AssertOnlyTheMarkerArrivesAsync()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsJsonAsync("/api/simulator/inbound", new { from = Marker, text = "marker" })).StatusCode);
        var received = await _gateway.Gateway.WaitForInboundAsync(1);
        Assert.Equal(Marker, Assert.Single(received).GetProperty("from").GetString());
    }
}

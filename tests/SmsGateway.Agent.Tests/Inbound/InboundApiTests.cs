using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Inbound;

public sealed class InboundApiTests : IAsyncLifetime
{
    private const string Sender = "+4915112345678";
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayInstance.StartAsync(new ScriptedModem());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private IInboundSmsSink Sink => _gateway.Services.GetRequiredService<IInboundSmsSink>();

    private async Task ReceiveAsync(string text, ConcatPart? concat = null)
    {
        await Sink.StoreInboundAsync(new InboundSmsPart(Sender, DateTimeOffset.UtcNow, text, concat, $"PDU {text} {concat}"), CancellationToken.None);

        // Message ids order by the millisecond; keep each message in its own.
        await Task.Delay(2);
    }

    private Task<JsonElement> ListAsync(string query = "") => _gateway.Client.GetFromJsonAsync<JsonElement>("/api/inbound" + query);

    private static string[] Texts(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToArray();

    [Fact]
    public async Task List_ShowsReceivedSmsNewestFirst_WithMultipartReassembled()
    {
        await ReceiveAsync("first");
        await ReceiveAsync("-second", new ConcatPart(9, 2, 2));
        await ReceiveAsync("the", new ConcatPart(9, 1, 2));
        await ReceiveAsync("third");

        var page = await ListAsync();

        Assert.Equal(["third", "the-second", "first"], Texts(page));
        var multipart = page.GetProperty("items")[1];
        Assert.Equal(Sender, multipart.GetProperty("from").GetString());
        Assert.Equal(2, multipart.GetProperty("parts").GetInt32());
        Assert.True(multipart.GetProperty("complete").GetBoolean());
        Assert.Equal(0, multipart.GetProperty("missingParts").GetArrayLength());
        Assert.False(multipart.GetProperty("truncated").GetBoolean());
        Assert.Equal(JsonValueKind.String, multipart.GetProperty("sentAt").ValueKind);
        Assert.Equal(JsonValueKind.String, multipart.GetProperty("receivedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task List_SamePartTwice_ShowsItOnce()
    {
        var part = new InboundSmsPart(Sender, DateTimeOffset.UtcNow, "once", null, "PDU once");

        await Sink.StoreInboundAsync(part, CancellationToken.None);
        await Sink.StoreInboundAsync(part, CancellationToken.None);

        Assert.Equal(["once"], Texts(await ListAsync()));
    }

    [Fact]
    public async Task List_PagesWithTheNextCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await ReceiveAsync($"sms {i}");
        }

        var first = await ListAsync("?limit=2");
        var second = await ListAsync($"?limit=2&before={first.GetProperty("next").GetString()}");
        var third = await ListAsync($"?limit=2&before={second.GetProperty("next").GetString()}");

        Assert.Equal(["sms 4", "sms 3"], Texts(first));
        Assert.Equal(["sms 2", "sms 1"], Texts(second));
        Assert.Equal(["sms 0"], Texts(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?limit=ten")]
    [InlineData("?limit=1&limit=2")]
    [InlineData("?before=not-a-cursor")]
    public async Task List_BadPaging_Returns400Problem(string query)
    {
        var response = await _gateway.Client.GetAsync("/api/inbound" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_WithoutKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = _gateway.Client.BaseAddress };

        var response = await anonymous.GetAsync("/api/inbound");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbound/0190000000000000000000000000beef")).StatusCode);
    }

    [Fact]
    public async Task Get_ById_ReturnsTheMessage_AndUnknownIs404()
    {
        await ReceiveAsync("findme");
        var id = (await ListAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        var found = await _gateway.Client.GetFromJsonAsync<JsonElement>($"/api/inbound/{id}");
        var missing = await _gateway.Client.GetAsync("/api/inbound/0190000000000000000000000000beef");

        Assert.Equal("findme", found.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;

namespace SmsGateway.Agent.Tests.Api;

public sealed class SendMessageTests : GatewayTest
{
    [Fact]
    public async Task Send_ValidMessage_Returns202WithLocation_AndBecomesSent()
    {
        var response = await Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "Hello" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/messages/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal("gsm7", body.GetProperty("encoding").GetString());
        Assert.Equal(1, body.GetProperty("segments").GetInt32());
        Assert.Equal("+4915112345678", body.GetProperty("destinations")[0].GetProperty("to").GetString());

        var sent = await Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");

        var destination = sent.GetProperty("destinations")[0];
        Assert.Equal("sent", destination.GetProperty("status").GetString());
        Assert.Equal(1, destination.GetProperty("attempts").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, destination.GetProperty("sentAt").ValueKind);
        var sms = Assert.Single(Modem.Sent);
        Assert.Equal("Hello", sms.Text);
    }

    [Fact]
    public async Task Send_Unicode_ReportsUcs2AndSegments()
    {
        var response = await Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = new string('Ж', 71) });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ucs2", body.GetProperty("encoding").GetString());
        Assert.Equal(2, body.GetProperty("segments").GetInt32());
    }

    [Fact]
    public async Task Send_SeveralDestinations_SendsOneSmsEach()
    {
        var response = await Gateway.SendAsync(new { to = new[] { "+4915112345678", "+14155552671", "+4915112345678" }, text = "Hi all", priority = "high" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal(2, body.GetProperty("destinations").GetArrayLength());
        await Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        Assert.Equal(["+14155552671", "+4915112345678"], Modem.Sent.Select(s => s.To).Order());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var response = await Gateway.Client.GetAsync("/api/messages/0190000000000000000000000000beef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Send_SameIdempotencyKeyAndBody_ReturnsTheSameIdAndSendsOnce()
    {
        var body = new { to = new[] { "+4915112345678" }, text = "Once" };

        var firstResponse = await Gateway.SendAsync(body, "key-1");
        var first = await firstResponse.Content.ReadFromJsonAsync<JsonElement>();
        var secondResponse = await Gateway.SendAsync(body, "key-1");
        var second = await secondResponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, secondResponse.StatusCode);
        Assert.False(firstResponse.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], secondResponse.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        await Gateway.WaitForAsync(first.GetProperty("id").GetString()!, m => m.GetProperty("status").GetString() == "sent");
        Assert.Single(Modem.Sent, s => s.Text == "Once");
    }

    [Fact]
    public async Task Send_SameIdempotencyKeyDifferentBody_Returns422()
    {
        await Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "A" }, "key-2");

        var response = await Gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "B" }, "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Send_TenConcurrentRequestsWithOneKey_CreateOneMessageAndOneSend()
    {
        var body = new { to = new[] { "+4915112345678" }, text = "Concurrent" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Gateway.SendAsync(body, "key-3")));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var id = Assert.Single(ids);
        await Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        Assert.Single(Modem.Sent, s => s.Text == "Concurrent");
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var document = await Gateway.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/messages", out _));
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperationThatNeedsAKey_ListsTheAnswersTheKeyCheckGives()
    {
        var document = await Gateway.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var keyed = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal) && path.Name != "/api/health" && path.Name != "/api/telegram/webhook")
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", Responses: operation.Value.GetProperty("responses"))))
            .ToList();

        Assert.NotEmpty(keyed);
        Assert.All(keyed, operation => Assert.All(new[] { "401", "403", "429" }, status =>
            Assert.True(operation.Responses.TryGetProperty(status, out _), $"{operation.Name} does not list {status}")));
    }

    [Fact]
    public async Task Health_ReportsModemAndQueue_WithoutAKey()
    {
        using var anonymous = new HttpClient { BaseAddress = Gateway.Client.BaseAddress };

        var response = await anonymous.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("modem").GetProperty("connected").GetBoolean());
        Assert.Equal(-71, body.GetProperty("modem").GetProperty("signalDbm").GetInt32());
        Assert.Equal(0, body.GetProperty("queue").GetProperty("depth").GetInt64());
    }

    [Fact]
    public async Task Health_ModemThatReceivesNothing_SaysSoForInboundAndReports()
    {
        // A phone that refused AT+CNMI and AT+CMGL (issue 15, case 4): sending works, receiving does not.
        var before = Modem.Status;
        Modem.Status = before with { Inbound = ModemReceiving.Unavailable, Reports = ModemReceiving.Unavailable };
        try
        {
            var body = await Gateway.Client.GetFromJsonAsync<JsonElement>("/api/health");

            var modem = body.GetProperty("modem");
            Assert.Equal(("unavailable", "unavailable"), (modem.GetProperty("inbound").GetString(), modem.GetProperty("reports").GetString()));
        }
        finally
        {
            Modem.Status = before;
        }
    }
}

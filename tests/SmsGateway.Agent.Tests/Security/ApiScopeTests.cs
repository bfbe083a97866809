using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Security;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Security;

public sealed class ApiScopeTests : IAsyncLifetime
{
    private const string ReaderKey = "reader-key-0123456789";
    private readonly ScriptedModem _modem = new();
    private readonly string _senderKey;
    private readonly string _senderKeyHash;
    private GatewayInstance _gateway = null!;

    public ApiScopeTests()
    {
        // The key and hash exactly as "apikey new" prints them for the operator.
        var output = new StringWriter();
        Assert.Equal(0, ApiKeyCommands.Run(["apikey", "new"], output, TextWriter.Null));
        var printed = JsonDocument.Parse(output.ToString()).RootElement;
        _senderKey = printed.GetProperty("key").GetString()!;
        _senderKeyHash = printed.GetProperty("keyHash").GetString()!;
    }

    public async Task InitializeAsync() => _gateway = await GatewayInstance.StartAsync(_modem, new Dictionary<string, string?>
    {
        ["Api:Clients:reader:Key"] = ReaderKey,
        ["Api:Clients:reader:Scopes:0"] = "read",
        ["Api:Clients:sender:KeyHash"] = _senderKeyHash,
        ["Api:Clients:sender:Scopes:0"] = "send",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public void ApiKeyCommands_Hash_PrintsTheSameHashAsNew()
    {
        var output = new StringWriter();

        Assert.Equal(0, ApiKeyCommands.Run(["apikey", "hash", _senderKey], output, TextWriter.Null));

        var printed = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(_senderKeyHash, printed.GetProperty("keyHash").GetString());
        Assert.False(printed.TryGetProperty("key", out _));
        Assert.Matches("^sha256:[0-9a-f]{64}$", _senderKeyHash);
    }

    [Fact]
    public async Task HashedKeyInConfig_WithSendScope_CanSend()
    {
        using var sender = Client(_senderKey);

        var response = await sender.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = "by hash" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task SendKey_CannotListDeadLettersOrReadMessages_403()
    {
        using var sender = Client(_senderKey);

        var deadLetters = await sender.GetAsync("/api/deadletters");
        var message = await sender.GetAsync("/api/messages/0123456789abcdef0123456789abcdef");

        await ProblemAssert.IsProblemAsync(deadLetters, HttpStatusCode.Forbidden, "'admin' scope");
        await ProblemAssert.IsProblemAsync(message, HttpStatusCode.Forbidden, "'read' scope");
    }

    [Fact]
    public async Task ReadOnlyKey_CannotSend_403_ButCanRead()
    {
        using var reader = Client(ReaderKey);
        var sent = await _gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "for the reader" });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var send = await reader.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = "not allowed" });
        var read = await reader.GetAsync($"/api/messages/{id}");
        var inbound = await reader.GetAsync("/api/inbound");

        await ProblemAssert.IsProblemAsync(send, HttpStatusCode.Forbidden, "'send' scope");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        Assert.DoesNotContain(_modem.Sent, s => s.Text == "not allowed");
    }

    [Fact]
    public async Task AllScopesKey_CanUseAdminEndpoints()
    {
        var response = await _gateway.Client.GetAsync("/api/deadletters");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-configured-key")]
    public async Task MissingOrUnknownKey_401(string? key)
    {
        using var client = Client(key);

        var send = await client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = "anonymous" });
        var deadLetters = await client.GetAsync("/api/deadletters");

        await ProblemAssert.IsProblemAsync(send, HttpStatusCode.Unauthorized, "X-Api-Key");
        await ProblemAssert.IsProblemAsync(deadLetters, HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    private HttpClient Client(string? key) => _gateway.ClientWithKey(key);
}

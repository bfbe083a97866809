using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// HTTP framing faults against the real Kestrel, in hand-made bytes: a malformed chunked body is a 400 problem and a
/// body that stops arriving a 408 problem — never a 500, never a stack trace in the log — and neither stores anything.
/// </summary>
public sealed class HttpEdgeTests : IAsyncLifetime
{
    private const string Message = "{\"to\": [\"+4915112345678\"], \"text\": \"Hello\"}";
    private const string Inbound = "{\"from\": \"+4915112345678\", \"text\": \"Hello\"}";
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(30);
    private readonly LogCollector _logs = new(LogLevel.Information);
    private SimulatorGateway _gateway = null!;
    private bool _stopped;

    public static TheoryData<string> MalformedChunkings => ["bad chunk size line", "no CRLF after a chunk", "chunk longer than declared"];

    public static TheoryData<string, string> BodyEndpoints => new()
    {
        { "/api/messages", Message },
        { "/api/simulator/inbound", Inbound },
        { "/api/deadletters/no-such-item/replay", "{}" },
    };

    public async Task InitializeAsync() => _gateway = await SimulatorGateway.StartAsync(
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
        builder => builder.Logging.AddProvider(_logs));

    public async Task DisposeAsync()
    {
        if (!_stopped)
        {
            await _gateway.DisposeAsync();
        }
    }

    private Uri Server => _gateway.Gateway.Client.BaseAddress!;

    [Theory]
    [MemberData(nameof(MalformedChunkings))]
    public async Task MalformedChunkedSend_Is400Problem_StoresNothing_AndLogsNoException(string fault)
    {
        var response = await RawHttp.SendAsync(Server, ChunkedPost("/api/messages", Malformed(fault, Message)), AnswerDeadline);

        AssertProblem(400, response);
        Assert.Equal(0, await _gateway.Gateway.QueueDepthAsync());
        await AssertNoExceptionLoggedAsync();
    }

    [Fact]
    public async Task ClientHangsUpMidChunk_GetsNo500_StoresNothing_AndLogsNoException()
    {
        // Kestrel may see the hang-up as an aborted request first; then there is nobody to answer and nothing is logged.
        var request = ChunkedPost("/api/messages", $"{(Message.Length + 10).ToString("x", CultureInfo.InvariantCulture)}\r\n{Message}");

        var response = await RawHttp.SendAsync(Server, request, AnswerDeadline, closeSendingSide: true);

        // Whether an answer still goes out on a half-closed connection is Kestrel's call; if one does, it is the 400.
        if (response is not null)
        {
            AssertProblem(400, response);
        }

        Assert.Equal(0, await _gateway.Gateway.QueueDepthAsync());
        await AssertNoExceptionLoggedAsync(minRefusals: 0);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task MalformedChunkedBody_OnEveryEndpointThatTakesABody_IsNeverA500(string path, string body)
    {
        var response = await RawHttp.SendAsync(Server, ChunkedPost(path, Malformed("bad chunk size line", body)), AnswerDeadline);

        // The replay takes no body: it answers for the id before the body is read, then the connection is closed.
        Assert.NotNull(response);
        Assert.InRange(response.Status, 400, 499);
        Assert.Equal("application/problem+json", response.ContentType);
        await AssertNoExceptionLoggedAsync(minRefusals: path.EndsWith("/replay", StringComparison.Ordinal) ? 0 : 1);
    }

    [Theory]
    [InlineData("/api/messages", false)]
    [InlineData("/api/messages", true)]
    [InlineData("/api/simulator/inbound", false)]
    public async Task BodyThatStopsArriving_Is408Problem_AndStoresNothing(string path, bool chunked)
    {
        var body = path == "/api/messages" ? Message : Inbound;
        var half = body[..(body.Length / 2)];
        var request = chunked
            ? ChunkedPost(path, $"{body.Length.ToString("x", CultureInfo.InvariantCulture)}\r\n{half}")
            : RawHttp.PostHead(path, GatewayInstance.ApiKey, $"Content-Length: {body.Length}") + half;

        // The client keeps the connection open and sends nothing more: only the server's minimum body rate ends it.
        var response = await RawHttp.SendAsync(Server, request, AnswerDeadline);

        AssertProblem(408, response);
        Assert.Equal(0, await _gateway.Gateway.QueueDepthAsync());
        await AssertNoExceptionLoggedAsync();
    }

    [Fact]
    public async Task HeadersThatStopArriving_AreCutOffWith408_WellBeforeKestrelsDefault()
    {
        // Kestrel's default would wait 30 s; the agent's bound is 10 s. The request never reaches the application,
        // so Kestrel answers alone, without a problem body.
        var response = await RawHttp.SendAsync(Server, "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n", TimeSpan.FromSeconds(25));

        Assert.NotNull(response);
        Assert.Equal(408, response.Status);
        await AssertNoExceptionLoggedAsync(minRefusals: 0, maxRefusals: 0);
    }

    private static string ChunkedPost(string path, string chunkedBody) =>
        RawHttp.PostHead(path, GatewayInstance.ApiKey, "Transfer-Encoding: chunked") + chunkedBody;

    /// <summary>A chunked body carrying <paramref name="json"/> whole, then broken as <paramref name="fault"/> says.</summary>
    internal static string Malformed(string fault, string json)
    {
        var size = Encoding.UTF8.GetByteCount(json);
        return fault switch
        {
            "bad chunk size line" => RawHttp.Chunk(json) + "zz\r\n{}\r\n0\r\n\r\n",
            "no CRLF after a chunk" => $"{size.ToString("x", CultureInfo.InvariantCulture)}\r\n{json}0\r\n\r\n",
            "chunk longer than declared" => $"{(size - 3).ToString("x", CultureInfo.InvariantCulture)}\r\n{json}\r\n0\r\n\r\n",
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
    }

    internal static void AssertProblem(int status, RawHttpResponse? response)
    {
        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(status, response.Json().GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(response.Json().GetProperty("detail").GetString()));
    }

    /// <summary>Stops the gateway first, so that whatever the connection logged after its answer is in.</summary>
    private async Task AssertNoExceptionLoggedAsync(int maxRefusals = 1, int minRefusals = 1)
    {
        await _gateway.DisposeAsync();
        _stopped = true;
        AssertNoException(_logs, maxRefusals, minRefusals);
    }

    /// <summary>
    /// Nothing about the request at Warning or above, no stack trace, and the one Information line of the refusal
    /// (none where the body was never read, or where the client was gone before it could be answered).
    /// </summary>
    private static void AssertNoException(LogCollector logs, int maxRefusals = 1, int minRefusals = 1)
    {
        var refusals = logs.Entries.Count(e => e.Message.Contains("its request could not be read", StringComparison.Ordinal));
        Assert.InRange(refusals, minRefusals, maxRefusals);

        // The HTTP pipeline (Kestrel, the exception handler) logs under Microsoft.AspNetCore; what the modem or the
        // bridge say while the host stops is not about HTTP.
        var offending = logs.Entries
            .Where(e => e.Exception?.ToString().Contains("BadHttpRequestException", StringComparison.Ordinal) == true
                || (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && (e.Exception is not null || e.Level >= LogLevel.Warning)))
            .Select(e => $"{e.Category} | {e.Level} | {e.Message} | {e.Exception}")
            .ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }
}

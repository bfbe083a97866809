using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SmsGateway.Agent.Hosting;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>
/// The standalone gateway running in this process on a loopback port (real Kestrel, real SQLite
/// in a temporary folder), with an HTTP client that carries the test API key.
/// </summary>
public sealed class GatewayInstance : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    private readonly WebApplication _app;

    private GatewayInstance(WebApplication app, string dataPath, HttpClient client)
    {
        _app = app;
        DataPath = dataPath;
        Client = client;
    }

    public string DataPath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayInstance> StartAsync(
        ISmsModem? modem = null,
        IDictionary<string, string?>? settings = null,
        string? dataPath = null,
        Action<WebApplicationBuilder>? customize = null)
    {
        dataPath ??= Directory.CreateTempSubdirectory("smsgw-agent-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Storage:Path={dataPath}",
            $"--Api:Keys:0={ApiKey}",
            "--Outbound:RetryBaseDelay=00:00:00.010",
            "--Outbound:RetryMaxDelay=00:00:00.050",
            "--Outbound:CircuitBreakDuration=00:00:00.500",

            // Tests often stop a gateway whose modem never answers; a stop waits this long for the send on the air.
            "--Outbound:StopGrace=00:00:01",

            // Tests send many SMS to one number quickly; the pumping and rate limits have tests of their own.
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=100000",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}"));

        var app = GatewayApp.Build([.. args], builder =>
        {
            if (modem is not null)
            {
                builder.Services.AddSingleton<ISmsModem>(modem);
            }

            customize?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return new GatewayInstance(app, dataPath, client);
    }

    /// <summary>A new client of this gateway with <paramref name="key"/> as its API key, or none; the caller disposes it.</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient { BaseAddress = Client.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public Task<HttpResponseMessage> SendAsync(object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendRawAsync(string body, string contentType = "application/json")
    {
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync("/api/messages", content);
    }

    public async Task<JsonElement> GetMessageAsync(string id) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");

    /// <summary>Polls the status API until <paramref name="predicate"/> holds or the deadline passes.</summary>
    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        JsonElement last;
        do
        {
            last = await GetMessageAsync(id);
            if (predicate(last))
            {
                return last;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Message {id} did not reach the expected state; last: {last}");
    }

    /// <summary>
    /// Waits until <c>GET /api/deadletters</c> lists <paramref name="count"/> items and returns them: a
    /// destination is stored <c>failed</c> (or <c>unknown</c>) a moment before its queue item is dead-lettered.
    /// </summary>
    public Task<IReadOnlyList<JsonElement>> WaitForDeadLettersAsync(int count) => WaitForItemsAsync("/api/deadletters", count);

    /// <summary>Waits until <c>GET /api/inbound</c> lists <paramref name="count"/> received SMS and returns them, newest first.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForInboundAsync(int count) => WaitForItemsAsync("/api/inbound", count);

    private async Task<IReadOnlyList<JsonElement>> WaitForItemsAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var items = (await Client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count || DateTime.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <c>/api/health</c> says healthy (the modem is initialised and registered).</summary>
    public async Task WaitForHealthyAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            // 503 (unhealthy) while the modem is still being initialised carries the same body.
            var health = await (await Client.GetAsync("/api/health")).Content.ReadFromJsonAsync<JsonElement>();
            if (health.GetProperty("status").GetString() == "healthy")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The gateway never became healthy; last: {health}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sends one message and returns its id.</summary>
    public async Task<string> SendTextAsync(string text, string to = "+4915112345678", string? idempotencyKey = null)
    {
        var response = await SendAsync(new { to = new[] { to }, text }, idempotencyKey);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Waits until the queue holds at least <paramref name="count"/> dead letters: a destination is recorded
    /// <c>failed</c> just before its queue item is dead-lettered, in a second commit.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> WaitForQueueDeadLettersAsync(int count = 1, TimeSpan? timeout = null)
    {
        var queue = Services.GetRequiredService<IOutboundQueue>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var letters = await queue.ListDeadLettersAsync(100, CancellationToken.None);
            if (letters.Count >= count || DateTime.UtcNow > deadline)
            {
                return letters;
            }

            await Task.Delay(20);
        }
    }

    public async Task<long> QueueDepthAsync()
    {
        var health = await Client.GetFromJsonAsync<JsonElement>("/api/health");
        return health.GetProperty("queue").GetProperty("depth").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

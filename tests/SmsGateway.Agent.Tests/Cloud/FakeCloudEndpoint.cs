using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// The cloud's <c>POST /api/agent/events</c> on loopback Kestrel: checks <c>X-Agent-Key</c>, reads and validates
/// the batch with the contract's own JSON context and validator (400 like the Functions on anything
/// malformed), takes each event id once and records what it took. It can answer 503 (<see cref="Unavailable"/>)
/// or be stopped (connections refused) and started again on the same port.
/// </summary>
public sealed class FakeCloudEndpoint : IAsyncDisposable
{
    public const string AgentKey = "agent-key-0123456789abcdef";

    private readonly object _gate = new();
    private readonly List<JsonElement> _accepted = [];
    private readonly List<JsonElement> _applied = [];
    private readonly List<JsonElement[]> _batches = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _port;
    private int _refused;
    private int _unauthorized;
    private int _invalid;

    public volatile bool Unavailable;

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}");

    /// <summary>Every event of every batch answered 200, in arrival order, repeats included.</summary>
    public IReadOnlyList<JsonElement> Accepted => Snapshot(_accepted);

    /// <summary>Every batch answered 200, in arrival order: one function execution each in the real cloud.</summary>
    public IReadOnlyList<JsonElement[]> Batches => Snapshot(_batches);

    /// <summary>Events applied: each event id once, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Applied => Snapshot(_applied);

    public int Refused => Volatile.Read(ref _refused);

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>Batches the contract refused.</summary>
    public int Invalid => Volatile.Read(ref _invalid);

    public static async Task<FakeCloudEndpoint> StartAsync()
    {
        var endpoint = new FakeCloudEndpoint();
        await endpoint.RestartAsync();
        return endpoint;
    }

    /// <summary>Stops listening: the agent's connections are refused.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again, on the same port once it had one.</summary>
    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        var app = builder.Build();
        app.MapPost("/api/agent/events", HandleAsync);
        await app.StartAsync();
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (request.Headers["X-Agent-Key"] != AgentKey)
        {
            Interlocked.Increment(ref _unauthorized);
            return Results.StatusCode((int)HttpStatusCode.Unauthorized);
        }

        if (Unavailable)
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var batch = body.RootElement.Deserialize(AgentJsonContext.Default.AgentEventBatch);
        if (batch is null || AgentEventBatchValidator.Validate(batch, CloudAgentInstance.AgentId) is { Count: > 0 })
        {
            Interlocked.Increment(ref _invalid);
            return Results.StatusCode((int)HttpStatusCode.BadRequest);
        }

        lock (_gate)
        {
            _batches.Add([.. body.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone())]);
            foreach (var item in body.RootElement.GetProperty("events").EnumerateArray())
            {
                var copy = item.Clone();
                _accepted.Add(copy);
                if (_seen.Add(copy.GetProperty("eventId").GetString()!))
                {
                    _applied.Add(copy);
                }
            }
        }

        return Results.Ok();
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}

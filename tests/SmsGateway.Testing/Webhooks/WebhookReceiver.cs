using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Testing.Webhooks;

/// <summary>
/// A webhook receiver on Kestrel (loopback, a free port): keeps every request it got (headers and body, in order) and
/// answers each with <see cref="Status"/>, after <see cref="Delay"/>. A test can make it slow, failing or gone.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookRequest> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to register: <c>http://127.0.0.1:N/hook</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The status answered to the next requests.</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>How long each request is held before it is answered.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Every request answered so far (after its <see cref="Delay"/>), in the order they were answered.</summary>
    public IReadOnlyList<WebhookRequest> Received => [.. _received];

    /// <summary>Requests that were answered with a 2xx.</summary>
    public IReadOnlyList<WebhookRequest> Accepted => [.. _received.Where(r => r.Status is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var status = Status;
        var received = new WebhookRequest(
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow,
            status);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, request.HttpContext.RequestAborted);
        }

        _received.Enqueue(received);
        return Results.StatusCode(status);
    }
}

using Polly.CircuitBreaker;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Storage;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Agent.Api;

/// <summary>
/// <c>GET /api/health</c>, anonymous: healthy when the modem is connected and registered,
/// degraded when connected but not registered or while the modem circuit is open (messages wait),
/// also degraded while the store cannot write (a full disk); unhealthy (503) when there is no modem.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", GetAsync)
            .WithName("Health")
            .WithTags("Health")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> GetAsync(HttpContext context, ISmsModem modem, ModemCircuit circuit, IOutboundQueue queue, CancellationToken cancellationToken)
    {
        // Registered only while the Telegram bridge is on.
        var telegram = context.RequestServices.GetService<TelegramBacklog>() is { } backlog ? await backlog.CountAsync(cancellationToken) : null;
        var status = modem.Status;
        var counts = await queue.CountAsync(cancellationToken);
        var circuitState = circuit.State;
        var storage = context.RequestServices.GetService<IStorageHealth>() is { } store ? await store.CheckAsync(cancellationToken) : StorageState.Ok;
        var overall = !status.Connected ? "unhealthy"
            : status.Registered && circuitState == CircuitState.Closed && storage.Writable ? "healthy"
            : "degraded";
        var body = new HealthResponse(
            overall,
            new ModemHealth(status.Connected, status.Model, status.Operator, status.Registered, status.SignalDbm, status.LastError, Name(status.Inbound), Name(status.Reports)),
            new QueueHealth(counts.Depth, counts.DeadLettered),
            new CircuitHealth(circuitState switch { CircuitState.Closed => "closed", CircuitState.HalfOpen => "half-open", _ => "open" }, circuit.OpenReason),
            new StorageHealthResponse(storage.Writable, storage.Error),
            telegram,
            await WebhooksAsync(context.RequestServices.GetService<IWebhookStore>(), cancellationToken));
        return Results.Json(body, ApiJsonContext.Default.HealthResponse, statusCode: overall == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static string Name(ModemReceiving receiving) => receiving switch
    {
        ModemReceiving.Notified => "notified",
        ModemReceiving.Polled => "polled",
        ModemReceiving.Unavailable => "unavailable",
        _ => "unknown",
    };

    private static async Task<IReadOnlyList<WebhookHealth>?> WebhooksAsync(IWebhookStore? store, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return null;
        }

        var counts = (await store.CountDeliveriesAsync(cancellationToken)).ToDictionary(c => c.EndpointId, StringComparer.Ordinal);
        return [.. (await store.ListEndpointsAsync(cancellationToken)).Select(e =>
        {
            var c = counts.GetValueOrDefault(e.Id) ?? new WebhookBacklog(e.Id, 0, 0, 0);
            return new WebhookHealth(e.Id, e.Enabled, !e.Enabled || c.Retrying > 0, c.Pending, c.Retrying, c.Failed);
        })];
    }
}

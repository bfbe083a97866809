using SmsGateway.Core.Webhooks;

namespace SmsGateway.Http.Webhooks;

/// <summary>
/// The bodies of <c>/api/webhooks</c>: endpoints added, listed, removed and their secret rotated; deliveries listed and
/// replayed. Hosts only route and authenticate; the contract lives here once.
/// </summary>
public static class WebhookHandlers
{
    /// <summary>How long the old secret keeps signing beside the new one after a rotation.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private const int MaxIdLength = 64;

    public static async Task<IResult> CreateAsync(
        HttpRequest request, IWebhookStore store, WebhookAddressPolicy policy, WebhookWakeUp wakeUp, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(wakeUp);
        ArgumentNullException.ThrowIfNull(time);
        if (!request.HasJsonContentType())
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the endpoint as JSON with 'Content-Type: application/json'.");
        }

        var read = await WebhookEndpointBodyReader.ReadAsync(request, cancellationToken);
        if (read.Errors is not null)
        {
            return Results.ValidationProblem(read.Errors, statusCode: read.StatusCode, title: "The request is not valid.");
        }

        var body = read.Body!;
        // Checked again at every connection (the name may resolve elsewhere later); refused here so the caller hears now.
        var refusal = Uri.TryCreate(body.Url, UriKind.Absolute, out var url) ? policy.CheckUrl(url) : "the url must be an absolute https:// URL";
        if (refusal is not null || url is null)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["url"] = [$"'url' is refused: {refusal}."] },
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The URL may not receive webhooks.");
        }

        var now = time.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            Id = "wh_" + Guid.CreateVersion7(now).ToString("N"),
            Url = url,
            Events = body.Events.Contains(WebhookEventTypes.Any) ? [WebhookEventTypes.Any] : body.Events,
            Description = body.Description,
            Secret = WebhookSecret.New(),
            CreatedAt = now,
        };
        await store.AddEndpointAsync(endpoint, cancellationToken);
        wakeUp.Endpoints.Pulse();
        return Results.Created($"/api/webhooks/{endpoint.Id}", new WebhookSecretResponse(WebhookEndpointResponse.From(endpoint, now), endpoint.Secret));
    }

    public static async Task<IResult> ListAsync(IWebhookStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var endpoints = await store.ListEndpointsAsync(cancellationToken);
        return Results.Ok(new WebhookEndpointListResponse([.. endpoints.Select(e => WebhookEndpointResponse.From(e, now))]));
    }

    public static async Task<IResult> GetAsync(string id, IWebhookStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        return await FindAsync(id, store, cancellationToken) is { } endpoint
            ? Results.Ok(WebhookEndpointResponse.From(endpoint, time.GetUtcNow()))
            : NotFound(id);
    }

    public static async Task<IResult> DeleteAsync(string id, IWebhookStore store, WebhookWakeUp wakeUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(wakeUp);
        if (await FindAsync(id, store, cancellationToken) is not { } endpoint)
        {
            return NotFound(id);
        }

        if (endpoint.FromConfiguration)
        {
            return FromConfiguration(id, "removed");
        }

        await store.DeleteEndpointAsync(id, cancellationToken);
        wakeUp.Endpoints.Pulse();
        return Results.NoContent();
    }

    public static async Task<IResult> RotateSecretAsync(string id, IWebhookStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (await FindAsync(id, store, cancellationToken) is not { } endpoint)
        {
            return NotFound(id);
        }

        if (endpoint.FromConfiguration)
        {
            return FromConfiguration(id, "rotated");
        }

        var now = time.GetUtcNow();
        var rotated = endpoint with { Secret = WebhookSecret.New(), PreviousSecret = endpoint.Secret, PreviousSecretUntil = now + RotationOverlap };
        await store.UpdateEndpointAsync(rotated, cancellationToken);
        return Results.Ok(new WebhookSecretResponse(WebhookEndpointResponse.From(rotated, now), rotated.Secret));
    }

    public static async Task<IResult> ListDeliveriesAsync(string id, string? status, int? limit, IWebhookStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = new Dictionary<string, string[]>();
        WebhookDeliveryState? state = status?.ToLowerInvariant() switch
        {
            null => null,
            "pending" => WebhookDeliveryState.Pending,
            "delivered" => WebhookDeliveryState.Delivered,
            "failed" => WebhookDeliveryState.Failed,
            _ => null,
        };
        if (status is not null && state is null)
        {
            errors["status"] = ["'status' must be pending, delivered or failed."];
        }

        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["'limit' must be between 1 and 1000."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        }

        if (await FindAsync(id, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var deliveries = await store.ListDeliveriesAsync(id, state, limit ?? 100, cancellationToken);
        return Results.Ok(new WebhookDeliveryListResponse([.. deliveries.Select(WebhookDeliveryResponse.From)]));
    }

    public static async Task<IResult> ReplayAsync(string id, string eventId, IWebhookStore store, WebhookWakeUp wakeUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(wakeUp);
        if (await FindAsync(id, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (eventId.Length > MaxIdLength || !await store.ReplayAsync(id, eventId, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Webhook '{id}' has no event '{eventId}'.");
        }

        wakeUp.Events.Pulse();
        return Results.Accepted();
    }

    private static async Task<WebhookEndpoint?> FindAsync(string id, IWebhookStore store, CancellationToken cancellationToken) =>
        id.Length > MaxIdLength ? null : await store.GetEndpointAsync(id, cancellationToken);

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no webhook with id '{id}'.");

    private static IResult FromConfiguration(string id, string what) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Declared in configuration",
            detail: $"Webhook '{id}' is declared under Webhooks:Endpoints; it is {what} there, not over HTTP.");
}

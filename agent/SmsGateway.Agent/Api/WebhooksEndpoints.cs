using SmsGateway.Agent.Security;
using SmsGateway.Core.Webhooks;
using SmsGateway.Http.Webhooks;

namespace SmsGateway.Agent.Api;

/// <summary><c>/api/webhooks</c>: endpoints and their deliveries, for a key with the <c>webhooks</c> (or <c>admin</c>) scope.</summary>
public static class WebhooksEndpoints
{
    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/webhooks").RequireApiScope(ApiScopes.Webhooks).WithTags("Webhooks");
        // Lambdas rather than method groups: the route-handler analyzer throws (AD0001) on a method group from another assembly.
        group.MapPost("/", (HttpRequest request, IWebhookStore store, WebhookAddressPolicy policy, WebhookWakeUp wakeUp, TimeProvider time, CancellationToken cancellationToken) =>
                WebhookHandlers.CreateAsync(request, store, policy, wakeUp, time, cancellationToken))
            .WithName("CreateWebhook")
            .Accepts<WebhookEndpointBody>("application/json")
            .Produces<WebhookSecretResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        group.MapGet("/", (IWebhookStore store, TimeProvider time, CancellationToken cancellationToken) =>
                WebhookHandlers.ListAsync(store, time, cancellationToken))
            .WithName("ListWebhooks")
            .Produces<WebhookEndpointListResponse>();
        group.MapGet("/{id}", (string id, IWebhookStore store, TimeProvider time, CancellationToken cancellationToken) =>
                WebhookHandlers.GetAsync(id, store, time, cancellationToken))
            .WithName("GetWebhook")
            .Produces<WebhookEndpointResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", (string id, IWebhookStore store, WebhookWakeUp wakeUp, CancellationToken cancellationToken) =>
                WebhookHandlers.DeleteAsync(id, store, wakeUp, cancellationToken))
            .WithName("DeleteWebhook")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        group.MapPost("/{id}/rotate-secret", (string id, IWebhookStore store, TimeProvider time, CancellationToken cancellationToken) =>
                WebhookHandlers.RotateSecretAsync(id, store, time, cancellationToken))
            .WithName("RotateWebhookSecret")
            .Produces<WebhookSecretResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        group.MapGet("/{id}/deliveries", (string id, string? status, int? limit, IWebhookStore store, CancellationToken cancellationToken) =>
                WebhookHandlers.ListDeliveriesAsync(id, status, limit, store, cancellationToken))
            .WithName("ListWebhookDeliveries")
            .Produces<WebhookDeliveryListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/deliveries/{eventId}/replay", (string id, string eventId, IWebhookStore store, WebhookWakeUp wakeUp, CancellationToken cancellationToken) =>
                WebhookHandlers.ReplayAsync(id, eventId, store, wakeUp, cancellationToken))
            .WithName("ReplayWebhookDelivery")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        return routes;
    }
}

using SmsGateway.Agent.Security;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Http;

namespace SmsGateway.Agent.Api;

/// <summary><c>POST /api/messages</c> and <c>GET /api/messages/{id}</c>.</summary>
public static class MessagesEndpoints
{
    public const string IdempotencyKeyHeader = MessageHandlers.IdempotencyKeyHeader;

    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messages").WithTags("Messages");
        // Lambdas rather than method groups: the route-handler analyzer throws (AD0001) on a method
        // group from another assembly.
        group.MapPost("/", (HttpRequest request, MessageIntake intake, CancellationToken cancellationToken) =>
                MessageHandlers.SendAsync(request, intake, cancellationToken))
            .RequireApiScope(ApiScopes.Send)
            .WithName("SendMessage")
            .Accepts<SendMessageBody>("application/json")
            .Produces<MessageAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        group.MapGet("/{id}", (string id, IMessageStore store, CancellationToken cancellationToken) =>
                MessageHandlers.GetAsync(id, store, cancellationToken))
            .RequireApiScope(ApiScopes.Read)
            .WithName("GetMessage")
            .Produces<MessageStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}

using System.Globalization;
using SmsGateway.Agent.Security;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Intake;
using SmsGateway.Core.Storage;

namespace SmsGateway.Agent.Api;

/// <summary><c>POST /api/messages</c> and <c>GET /api/messages/{id}</c>.</summary>
public static class MessagesEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messages").AddEndpointFilter<ApiKeyFilter>().WithTags("Messages");
        group.MapPost("/", SendAsync)
            .WithName("SendMessage")
            .Accepts<SendMessageBody>("application/json")
            .Produces<MessageAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetMessage")
            .Produces<MessageStatusResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, MessageIntake intake, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the message as JSON with 'Content-Type: application/json'.");
        }

        var read = await SendMessageBodyReader.ReadAsync(request, cancellationToken);
        if (read.Errors is not null)
        {
            return Results.ValidationProblem(read.Errors, statusCode: read.StatusCode, title: "The request is not valid.");
        }

        var body = read.Body!;
        MessagePriority priority;
        switch (body.Priority?.ToLowerInvariant())
        {
            case null or "normal":
                priority = MessagePriority.Normal;
                break;
            case "high":
                priority = MessagePriority.High;
                break;
            default:
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["priority"] = ["'priority' must be \"normal\" or \"high\"."] },
                    title: "The request is not valid.");
        }

        var key = request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) ? values.ToString() : null;
        var result = await intake.SubmitAsync(new SendMessageCommand(body.To, body.Text, priority, key), cancellationToken);
        return result.Outcome switch
        {
            IntakeOutcome.Accepted or IntakeOutcome.Replayed =>
                Results.Accepted($"/api/messages/{result.Message!.Id}", MessageMapping.ToAccepted(result.Message)),
            IntakeOutcome.Invalid =>
                Results.ValidationProblem(result.Errors!, title: "The request is not valid."),
            IntakeOutcome.KeyReused => Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used with a different request. Use a new key for a new message."),
            _ => QueueFull(request.HttpContext, result.RetryAfter ?? MessageIntake.QueueFullRetryAfter),
        };
    }

    private static async Task<IResult> GetAsync(string id, IMessageStore store, CancellationToken cancellationToken)
    {
        var stored = id.Length <= 64 ? await store.GetAsync(id, cancellationToken) : null;
        return stored is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no message with id '{id}'.")
            : Results.Ok(MessageMapping.ToStatus(stored.Message));
    }

    private static IResult QueueFull(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Queue full",
            detail: $"The gateway holds as many messages as it may; nothing was stored. Try again in {seconds} s.");
    }
}

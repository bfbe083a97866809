using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Http;

/// <summary>
/// The bodies of <c>POST /api/messages</c> and <c>GET /api/messages/{id}</c>. Hosts only route and
/// authenticate; the contract (status codes, problem+json, field errors) lives here once.
/// </summary>
public static class MessageHandlers
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Set to <c>true</c> on the answer to a retry of an accepted request (the same <c>Idempotency-Key</c> and body):
    /// the answer is the first request's, nothing new was stored or charged.
    /// </summary>
    public const string IdempotentReplayedHeader = "Idempotent-Replayed";

    /// <summary>Ids are generated short; anything longer cannot exist, so the store is not asked.</summary>
    private const int MaxIdLength = 64;

    public static async Task<IResult> SendAsync(HttpRequest request, MessageIntake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
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
        // The authenticated client, where the host has one: the daily cap counts its messages again after a restart.
        var client = request.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        var result = await intake.SubmitAsync(new SendMessageCommand(body.To, body.Text, priority, key, Client: client), cancellationToken);
        return result switch
        {
            IntakeResult.Accepted { Message: var message } =>
                Results.Accepted($"/api/messages/{message.Id}", MessageMapping.ToAccepted(message)),
            IntakeResult.Replayed { Message: var message } => Replayed(request.HttpContext, message),
            IntakeResult.Invalid invalid =>
                Results.ValidationProblem(invalid.Errors, title: "The request is not valid."),
            IntakeResult.KeyReused => Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used with a different request. Use a new key for a new message."),
            IntakeResult.RateLimited limited => HttpProblems.RetryLater(
                request.HttpContext,
                limited.RetryAfter,
                StatusCodes.Status429TooManyRequests,
                "Too many requests",
                limited.Errors["to"][0]),
            IntakeResult.QueueFull full => HttpProblems.RetryLater(
                request.HttpContext,
                full.RetryAfter,
                StatusCodes.Status503ServiceUnavailable,
                "Queue full",
                "The gateway holds as many messages as it may; nothing was stored."),
            _ => throw new InvalidOperationException($"Intake answered {result.Outcome}, which this endpoint does not know."),
        };
    }

    public static async Task<IResult> GetAsync(string id, IMessageStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(store);
        var stored = id.Length <= MaxIdLength ? await store.GetAsync(id, cancellationToken) : null;
        return stored is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no message with id '{id}'.")
            : Results.Ok(MessageMapping.ToStatus(stored.Message));
    }

    private static IResult Replayed(HttpContext context, Message message)
    {
        context.Response.Headers[IdempotentReplayedHeader] = "true";
        return Results.Accepted($"/api/messages/{message.Id}", MessageMapping.ToAccepted(message));
    }
}

using SmsGateway.Http;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Agent.Api;

/// <summary>
/// <c>POST /api/telegram/webhook</c>: where Telegram posts updates in webhook mode. No API key (Telegram
/// cannot send one); the secret token header is checked before the body is read. Mapped only while the
/// Telegram bridge is on.
/// </summary>
public static class TelegramWebhookEndpoints
{
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetService<TelegramWebhookReceiver>() is null)
        {
            return routes;
        }

        routes.MapPost("/api/telegram/webhook", ReceiveAsync)
            .WithName("TelegramWebhook")
            .WithTags("Telegram")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramWebhookReceiver receiver, CancellationToken cancellationToken)
    {
        var secret = request.Headers[TelegramWebhookReceiver.SecretHeader];
        var outcome = await receiver.ReceiveAsync(secret.Count == 1 ? secret[0] : null, request.Body, cancellationToken);
        return outcome switch
        {
            WebhookOutcome.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Send the configured secret in the {TelegramWebhookReceiver.SecretHeader} header."),
            WebhookOutcome.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Telegram update", detail: "The body must be a JSON object with an update_id."),
            WebhookOutcome.Full => HttpProblems.RetryLater(
                request.HttpContext, TelegramWebhookReceiver.FullRetryAfter, StatusCodes.Status503ServiceUnavailable, "Inbox full",
                "Too many Telegram updates wait to be acted on."),
            _ => Results.Ok(),
        };
    }
}

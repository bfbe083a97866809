using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Http;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Functions.Telegram;

/// <summary>
/// <c>POST api/telegram/webhook</c>: anonymous (Telegram cannot send a function key); the receiver compares
/// <c>X-Telegram-Bot-Api-Secret-Token</c> in constant time before it reads the body, then records the update
/// in the chat inbox. Then, before answering, it runs a round of the bridge (acts on the update, delivers
/// what is due at once), because a consumption plan may freeze the instance right after the answer; whatever
/// fails or must wait stays in the inbox and outbox for <see cref="TelegramOutboxFunction"/>.
/// </summary>
public sealed class TelegramWebhookFunction(IServiceProvider services)
{
    [Function("TelegramWebhook")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "telegram/webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Resolved here, not injected: without a bot token (or its stores) the bridge is off and the route answers 404.
        if (services.GetService<TelegramWebhookReceiver>() is not { } receiver)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The Telegram bridge is off in this deployment.");
        }

        var secret = request.Headers[TelegramWebhookReceiver.SecretHeader];
        var outcome = await receiver.ReceiveAsync(secret.Count == 1 ? secret[0] : null, request.Body, cancellationToken);
        if (outcome is WebhookOutcome.Recorded or WebhookOutcome.Duplicate)
        {
            await services.GetRequiredService<TelegramRound>().RunAsync(TimeSpan.Zero, cancellationToken);
        }

        return outcome switch
        {
            WebhookOutcome.Unauthorized => Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"Send the configured secret in the {TelegramWebhookReceiver.SecretHeader} header."),
            WebhookOutcome.Malformed => Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not a Telegram update",
                detail: "The body must be a JSON object with an update_id."),
            WebhookOutcome.Full => HttpProblems.RetryLater(
                request.HttpContext, TelegramWebhookReceiver.FullRetryAfter, StatusCodes.Status503ServiceUnavailable, "Inbox full",
                "Too many Telegram updates wait to be acted on."),
            _ => Results.Ok(),
        };
    }
}

using SmsGateway.Core.Sending.Records;
using SmsGateway.Http;

namespace SmsGateway.Agent.Security;

/// <summary>
/// Refuses a send with 429 once the caller's SMS for today reached its daily cap, and counts what
/// was accepted. The request that crosses the cap is still accepted whole: its destinations are not
/// known before intake has read it. A retry of an accepted request (its Idempotency-Key is held) goes
/// through at the cap: it is replayed, and a replay costs nothing.
/// </summary>
internal sealed class DailyCapFilter(DailySendLedger ledger, IMessageStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var client = context.HttpContext.Features.Get<ApiClient>();
        if (client is null)
        {
            return await next(context);
        }

        if (!ledger.HasRoom(client, out var retryAfter) && !await IsRetryOfAcceptedAsync(context.HttpContext))
        {
            return ApiProblems.TooManyRequests(
                context.HttpContext,
                retryAfter,
                $"This API key reached its daily cap of {client.DailyCap} SMS (Api:DailyCap); nothing was stored.");
        }

        var result = await next(context);
        if (result is IValueHttpResult { Value: MessageAcceptedResponse accepted }
            && context.HttpContext.Response.Headers[MessageHandlers.IdempotentReplayedHeader] != "true")
        {
            ledger.Record(client, accepted.Destinations.Count);
        }

        return result;
    }

    private async Task<bool> IsRetryOfAcceptedAsync(HttpContext http) =>
        http.Request.Headers.TryGetValue(MessageHandlers.IdempotencyKeyHeader, out var key)
        && !string.IsNullOrEmpty(key.ToString())
        && await store.FindClaimAsync(key.ToString(), http.RequestAborted) is not null;
}

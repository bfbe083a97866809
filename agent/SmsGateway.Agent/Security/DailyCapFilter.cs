using SmsGateway.Http;

namespace SmsGateway.Agent.Security;

/// <summary>
/// Refuses a send with 429 once the caller's SMS for today reached its daily cap, and counts what
/// was accepted. The request that crosses the cap is still accepted whole: its destinations are not
/// known before intake has read it.
/// </summary>
internal sealed class DailyCapFilter(DailySendLedger ledger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var client = context.HttpContext.Features.Get<ApiClient>();
        if (client is null)
        {
            return await next(context);
        }

        if (!ledger.HasRoom(client, out var retryAfter))
        {
            return ApiProblems.TooManyRequests(
                context.HttpContext,
                retryAfter,
                $"This API key reached its daily cap of {client.DailyCap} SMS (Api:DailyCap); nothing was stored.");
        }

        var result = await next(context);
        if (result is IValueHttpResult { Value: MessageAcceptedResponse accepted })
        {
            ledger.Record(client, accepted.Id, accepted.Destinations.Count);
        }

        return result;
    }
}

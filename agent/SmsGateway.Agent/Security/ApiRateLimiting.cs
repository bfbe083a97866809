using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmsGateway.Agent.Security;

/// <summary>
/// The per-key request limit: a token bucket per authenticated caller (by name), and per remote
/// address for requests without a valid key, so guessing keys is throttled too.
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "api-key";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, Partition);
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(ApiProblems.TooManyRequests(context.HttpContext, retryAfter, "This API key made too many requests (Api:RateLimit).")
                    .ExecuteAsync(context.HttpContext));
            };
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.Features.Get<ApiClient>() is { } client)
        {
            return RateLimitPartition.GetTokenBucketLimiter($"client:{client.Name}", _ => Bucket(client.PermitsPerSecond, client.Burst));
        }

        var defaults = context.RequestServices.GetRequiredService<IOptions<ApiAccessOptions>>().Value.RateLimit;
        return RateLimitPartition.GetTokenBucketLimiter(
            $"address:{context.Connection.RemoteIpAddress}",
            _ => Bucket(defaults.PermitsPerSecond, defaults.BurstOrDefault));
    }

    private static TokenBucketRateLimiterOptions Bucket(int permitsPerSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, permitsPerSecond),
        TokensPerPeriod = permitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

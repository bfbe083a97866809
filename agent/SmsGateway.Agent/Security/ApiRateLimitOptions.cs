namespace SmsGateway.Agent.Security;

/// <summary>The per-key request rate limit (<c>Api:RateLimit</c>): a token bucket.</summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests per second a key may make on average.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a key may make at once; 0 means twice <see cref="PermitsPerSecond"/>.</summary>
    public int Burst { get; set; }

    public int BurstOrDefault => Burst > 0 ? Burst : 2 * PermitsPerSecond;
}

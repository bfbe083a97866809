namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// Exponential backoff with full jitter (a uniform delay between zero and the exponential bound),
/// which spreads retries of many messages instead of sending them all at the same moment.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var bound = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(_random.NextDouble() * bound);
    }
}

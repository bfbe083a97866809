namespace SmsGateway.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then hourly, each spread by ±10 %
/// jitter (so a receiver back from an outage is not hit by every event in the same second), until the retry period
/// since the event (or its replay) is over.
/// </summary>
public sealed class WebhookRetrySchedule(TimeSpan period, Random? random = null)
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    private readonly Random _random = random ?? Random.Shared;

    /// <summary>The delay before the next attempt after <paramref name="failedAttempts"/> failed ones (from 1).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var step = Steps[Math.Clamp(failedAttempts - 1, 0, Steps.Length - 1)];
        return step * (0.9 + (0.2 * _random.NextDouble()));
    }

    /// <summary>When to try again after <paramref name="failedAttempts"/> failures, or null when the retry period is over.</summary>
    public DateTimeOffset? NextAttemptAt(int failedAttempts, DateTimeOffset retriesSince, DateTimeOffset now)
    {
        var next = now + DelayAfter(failedAttempts);
        return next <= retriesSince + period ? next : null;
    }
}

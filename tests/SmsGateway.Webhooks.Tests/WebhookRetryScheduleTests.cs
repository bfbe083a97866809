using SmsGateway.Webhooks.Tests.Support;

namespace SmsGateway.Webhooks.Tests;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DelayAfter_WithAMiddleDraw_Is5s30s2m10m30m1hThenHourly()
    {
        var sut = new WebhookRetrySchedule(TimeSpan.FromHours(24), new FixedRandom(0.5));

        var delays = Enumerable.Range(1, 9).Select(sut.DelayAfter).Select(d => d.TotalSeconds);

        Assert.Equal([5, 30, 120, 600, 1800, 3600, 3600, 3600, 3600], delays);
    }

    [Theory]
    [InlineData(0.0, 4.5)]
    [InlineData(1.0, 5.5)]
    public void DelayAfter_JitterSpreadsEachStepByTenPercent(double draw, double seconds) =>
        Assert.Equal(seconds, new WebhookRetrySchedule(TimeSpan.FromHours(24), new FixedRandom(draw)).DelayAfter(1).TotalSeconds, 6);

    [Fact]
    public void NextAttemptAt_WithinThePeriod_IsNowPlusTheDelay_AndNullOnceItWouldFallAfterThePeriod()
    {
        var sut = new WebhookRetrySchedule(TimeSpan.FromHours(24), new FixedRandom(0.5));

        Assert.Equal(Start.AddSeconds(35), sut.NextAttemptAt(2, Start, Start.AddSeconds(5)));
        Assert.Equal(Start.AddHours(24), sut.NextAttemptAt(20, Start, Start.AddHours(23)));
        Assert.Null(sut.NextAttemptAt(20, Start, Start.AddHours(23).AddSeconds(1)));
    }

    [Fact]
    public void AWholeDayOfFailures_IsTried29Times_TheFirstSixStepsThenHourly()
    {
        var sut = new WebhookRetrySchedule(TimeSpan.FromHours(24), new FixedRandom(0.5));
        var now = Start;
        var attempts = 1;
        while (sut.NextAttemptAt(attempts, Start, now) is { } next)
        {
            now = next;
            attempts++;
        }

        // 0, then six steps (1 h 42 min 35 s in all), then 22 hourly attempts before 24 h.
        Assert.Equal(29, attempts);
        Assert.True(now > Start.AddHours(23), $"last attempt at {now:O}");
    }
}

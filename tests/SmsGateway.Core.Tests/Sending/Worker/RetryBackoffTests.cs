using SmsGateway.Core.Sending.Worker;

namespace SmsGateway.Core.Tests.Sending.Worker;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(10, 300)]
    public void DelayAfter_StaysWithinTheExponentialBoundAndTheCap(int failedAttempts, int boundSeconds)
    {
        var sut = new RetryBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), new Random(7));

        var delays = Enumerable.Range(0, 500).Select(_ => sut.DelayAfter(failedAttempts)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(boundSeconds)));

        // Full jitter spreads delays over the whole range rather than clustering at the bound.
        Assert.True(delays.Min() < TimeSpan.FromSeconds(boundSeconds * 0.1));
        Assert.True(delays.Max() > TimeSpan.FromSeconds(boundSeconds * 0.9));
    }
}

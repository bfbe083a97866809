using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>The exact schedule: the bound doubles from the base delay up to the cap, and full jitter scales all of it.</summary>
public sealed class RetryBackoffScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(30, 60)]
    [InlineData(1000, 60)]
    public void DelayAfter_AtTheTopOfTheJitter_IsTheBound_DoublingFromTheBaseUpToTheCap(int failedAttempts, int boundSeconds)
    {
        var sut = new RetryBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), new ScriptedRandom(1.0));

        Assert.Equal(TimeSpan.FromSeconds(boundSeconds), sut.DelayAfter(failedAttempts));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 5)]
    [InlineData(0.5, 10)]
    public void DelayAfter_ScalesTheWholeBoundByTheDraw_FromZero(double draw, int expectedSeconds)
    {
        var sut = new RetryBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), new ScriptedRandom(draw));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), sut.DelayAfter(3));
    }
}

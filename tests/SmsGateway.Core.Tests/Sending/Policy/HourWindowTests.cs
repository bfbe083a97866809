using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Core.Tests.Sending.Policy;

public sealed class HourWindowTests
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 10, 5, 15.0)]
    [InlineData(30, 10, 5, 10.0)]
    [InlineData(45, 8, 0, 2.0)]
    [InlineData(59, 0, 3, 3.0)]
    public void Estimate_WeighsThePreviousHourByWhatTheSlidingHourStillCovers(int minutes, long previous, long current, double expected) =>
        Assert.Equal(expected, HourWindow.Estimate(previous, current, Hour.AddMinutes(minutes)), 6);

    [Fact]
    public void BucketOf_IsTheStartOfTheUtcHour_WhateverTheOffset() =>
        Assert.Equal(Hour, HourWindow.BucketOf(new DateTimeOffset(2026, 3, 1, 14, 59, 59, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData(0, 0, 0, 1, true)]
    [InlineData(0, 0, 1, 1, false)]
    [InlineData(30, 4, 1, 4, true)]
    [InlineData(30, 4, 2, 4, false)]
    public void HasRoom_WhenOneMoreFitsUnderTheLimit(int minutes, long previous, long current, int perHour, bool expected) =>
        Assert.Equal(expected, HourWindow.HasRoom(previous, current, perHour, Hour.AddMinutes(minutes)));

    [Theory]
    [InlineData(30, 4, 2, 4, 15)]   // the previous hour's weight must fade from 2 to 1: 15 more minutes
    [InlineData(0, 0, 3, 3, 80)]    // full this hour: the next hour, until this hour's 3 weigh 2 (a third in)
    [InlineData(0, 0, 1, 1, 120)]   // a limit of one: this hour weighs on until the next one is over (the estimate errs long)
    [InlineData(20, 0, 0, 5, 0)]
    public void RetryAfter_IsWhenTheEstimateLeavesRoomForOneMore(int minutes, long previous, long current, int perHour, int expectedMinutes) =>
        Assert.Equal(expectedMinutes, HourWindow.RetryAfter(previous, current, perHour, Hour.AddMinutes(minutes)).TotalMinutes, 6);
}

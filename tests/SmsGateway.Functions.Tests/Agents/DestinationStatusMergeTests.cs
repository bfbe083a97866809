using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Domain;

namespace SmsGateway.Functions.Tests.Agents;

/// <summary>The monotonic rules on their own: which agent statuses move the cloud's copy and which are stale.</summary>
public sealed class DestinationStatusMergeTests
{
    [Theory]
    [InlineData(DestinationStatus.Queued, 0, DestinationStatus.Sending, 1, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Queued, 0, DestinationStatus.Delivered, 1, DestinationStatus.Delivered)]
    [InlineData(DestinationStatus.Queued, 0, DestinationStatus.Failed, 5, DestinationStatus.Failed)]
    [InlineData(DestinationStatus.Sending, 1, DestinationStatus.Queued, 1, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Sending, 1, DestinationStatus.Sending, 2, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Failed, 5, DestinationStatus.Queued, 5, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Sent, 1, DestinationStatus.Undelivered, 1, DestinationStatus.Undelivered)]
    public void Apply_NewerState_Moves(DestinationStatus from, int attempts, DestinationStatus to, int eventAttempts, DestinationStatus expected)
    {
        var (updated, reason) = DestinationStatusMerge.Apply(Destination(from, attempts), Change(to, eventAttempts));

        Assert.Null(reason);
        Assert.Equal(expected, updated!.Status);
    }

    [Theory]
    [InlineData(DestinationStatus.Delivered, 1, DestinationStatus.Sent, 1)]
    [InlineData(DestinationStatus.Sent, 1, DestinationStatus.Sending, 1)]
    [InlineData(DestinationStatus.Sending, 2, DestinationStatus.Queued, 1)]
    [InlineData(DestinationStatus.Sending, 2, DestinationStatus.Sending, 1)]
    [InlineData(DestinationStatus.Sent, 1, DestinationStatus.Failed, 1)]
    [InlineData(DestinationStatus.Delivered, 1, DestinationStatus.Undelivered, 1)]
    [InlineData(DestinationStatus.Failed, 5, DestinationStatus.Queued, 4)]
    public void Apply_StaleOrIllegal_IsSkippedWithAReason(DestinationStatus from, int attempts, DestinationStatus to, int eventAttempts)
    {
        var (updated, reason) = DestinationStatusMerge.Apply(Destination(from, attempts), Change(to, eventAttempts));

        Assert.Null(updated);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Apply_Success_KeepsTheEarlierError()
    {
        var current = Destination(DestinationStatus.Sending, 2) with { Error = "network busy" };

        var (updated, _) = DestinationStatusMerge.Apply(current, Change(DestinationStatus.Sent, 2));

        Assert.Equal("network busy", updated!.Error);
    }

    private static Destination Destination(DestinationStatus status, int attempts) =>
        SmsGateway.Core.Domain.Destination.Sms("+4915112345678") with { Status = status, Attempts = attempts };

    private static DestinationStatusChanged Change(DestinationStatus status, int attempts) => new()
    {
        EventId = "e",
        OccurredAt = DateTimeOffset.UnixEpoch,
        MessageId = "m",
        DestinationIndex = 0,
        Status = status,
        Attempts = attempts,
    };
}

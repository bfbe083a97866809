using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Tests.Domain;

public sealed class StatusTransitionsTests
{
    [Theory]
    [InlineData(DestinationStatus.Queued, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Sent)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Failed)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Delivered)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Undelivered)]
    [InlineData(DestinationStatus.Failed, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Unknown)]
    [InlineData(DestinationStatus.Unknown, DestinationStatus.Queued)]
    public void MoveTo_LegalTransition_ChangesTheStatus(DestinationStatus from, DestinationStatus to)
    {
        var destination = Destination.Sms("+4915112345678") with { Status = from };

        Assert.Equal(to, destination.MoveTo(to).Status);
    }

    [Theory]
    [InlineData(DestinationStatus.Queued, DestinationStatus.Sent)]
    [InlineData(DestinationStatus.Queued, DestinationStatus.Delivered)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Delivered, DestinationStatus.Sent)]
    [InlineData(DestinationStatus.Delivered, DestinationStatus.Undelivered)]
    [InlineData(DestinationStatus.Undelivered, DestinationStatus.Delivered)]
    [InlineData(DestinationStatus.Failed, DestinationStatus.Sent)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Sent)]
    [InlineData(DestinationStatus.Queued, DestinationStatus.Unknown)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Unknown)]
    [InlineData(DestinationStatus.Unknown, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Unknown, DestinationStatus.Sent)]
    public void MoveTo_IllegalTransition_Throws(DestinationStatus from, DestinationStatus to)
    {
        var destination = Destination.Sms("+4915112345678") with { Status = from };

        var error = Assert.Throws<InvalidStatusTransitionException>(() => destination.MoveTo(to));
        Assert.Equal(from, error.From);
        Assert.Equal(to, error.To);
    }
}

using SmsGateway.Core.Domain;
using static SmsGateway.Core.Domain.DestinationStatus;

namespace SmsGateway.Core.Tests.Domain;

public sealed class MessageStatusRulesTests
{
    [Theory]
    [InlineData(MessageStatus.Queued, Queued)]
    [InlineData(MessageStatus.Queued, Queued, Queued)]
    [InlineData(MessageStatus.Sending, Queued, Sent)]
    [InlineData(MessageStatus.Sending, DestinationStatus.Sending)]
    [InlineData(MessageStatus.Sending, Delivered, Queued)]
    [InlineData(MessageStatus.Sent, Sent, Sent)]
    [InlineData(MessageStatus.Sent, Sent, Delivered)]
    [InlineData(MessageStatus.Delivered, Delivered, Delivered)]
    [InlineData(MessageStatus.Undelivered, Undelivered)]
    [InlineData(MessageStatus.Failed, Failed, Failed)]
    [InlineData(MessageStatus.Failed, Failed, Undelivered)]
    [InlineData(MessageStatus.PartiallyFailed, Delivered, Failed)]
    [InlineData(MessageStatus.PartiallyFailed, Sent, Undelivered)]
    [InlineData(MessageStatus.Unknown, Unknown)]
    [InlineData(MessageStatus.Unknown, Sent, Unknown)]
    [InlineData(MessageStatus.Unknown, Failed, Unknown, Delivered)]
    [InlineData(MessageStatus.Sending, Unknown, Queued)]
    public void Aggregate_FollowsTheDocumentedRule(MessageStatus expected, params DestinationStatus[] statuses)
    {
        Assert.Equal(expected, MessageStatusRules.Aggregate(statuses));
    }
}

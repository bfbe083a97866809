using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Webhooks;

public sealed class WebhookEventFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly WebhookEventFactory _sut = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Sent, WebhookEventTypes.MessageSent)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Delivered, WebhookEventTypes.MessageDelivered)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Undelivered, WebhookEventTypes.MessageUndelivered)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Failed, WebhookEventTypes.MessageFailed)]
    public void ForStatusChange_AReportedMove_HasItsTypeAndTheDestinationsData(DestinationStatus previous, DestinationStatus now, string type)
    {
        var message = MessageWith(Destination.Sms("+4915112345678") with { Status = now, Attempts = 2 });

        var reported = _sut.ForStatusChange(message, 0, previous);

        Assert.NotNull(reported);
        Assert.Equal(type, reported.Type);
        Assert.Equal(Now, reported.Timestamp);
        Assert.StartsWith("evt_", reported.Id, StringComparison.Ordinal);
        Assert.Equal($"message:{message.Id}:0", reported.Subject);
        Assert.Equal((message.Id, "+4915112345678", now.ToString().ToLowerInvariant(), 2, "order-17"),
            (reported.Data.MessageId, reported.Data.Destination, reported.Data.Status, reported.Data.Attempts, reported.Data.ClientReference));
    }

    [Theory]
    [InlineData(DestinationStatus.Queued, DestinationStatus.Sending)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Queued)]
    [InlineData(DestinationStatus.Sending, DestinationStatus.Unknown)]
    [InlineData(DestinationStatus.Sent, DestinationStatus.Sent)]
    public void ForStatusChange_AMoveEndpointsDoNotHearOf_IsNull(DestinationStatus previous, DestinationStatus now)
    {
        var message = MessageWith(Destination.Sms("+4915112345678") with { Status = now });

        Assert.Null(_sut.ForStatusChange(message, 0, previous));
    }

    [Theory]
    [InlineData("PermanentError after 1 attempt(s): +CMS ERROR: 21 (short message transfer rejected)", "PermanentError")]
    [InlineData("RetryLimitExceeded after 5 attempt(s): no network", "RetryLimitExceeded")]
    public void ForStatusChange_Failed_CarriesTheErrorClassAndItsMeaning(string error, string errorClass)
    {
        var message = MessageWith(Destination.Sms("+4915112345678") with { Status = DestinationStatus.Failed, Error = error });

        var reported = _sut.ForStatusChange(message, 0, DestinationStatus.Sending)!;

        Assert.Equal((errorClass, error), (reported.Data.ErrorClass, reported.Data.Error));
    }

    [Fact]
    public void Body_IsTypeTimestampAndData_WithAbsentMembersLeftOutAndThePlusUnescaped()
    {
        var message = MessageWith(Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sent, Attempts = 1, SentAt = Now });
        var reported = _sut.ForStatusChange(message, 0, DestinationStatus.Sending)!;

        var json = WebhookBody.Of(reported);

        Assert.Equal(
            $$$"""{"type":"message.sent","timestamp":"2026-12-07T10:00:00+00:00","data":{"messageId":"{{{message.Id}}}","destination":"+4915112345678","destinationIndex":0,"status":"sent","attempts":1,"clientReference":"order-17","sentAt":"2026-12-07T10:00:00+00:00"}}""",
            json);
    }

    [Fact]
    public void ForInbound_CarriesSenderTextAndParts()
    {
        var inbound = new InboundMessage
        {
            Id = "0193aa", Sender = "+4917600000001", SentAt = Now, ReceivedAt = Now, Text = "Hello there", Parts = 2,
        };

        var reported = _sut.ForInbound(inbound);

        Assert.Equal(WebhookEventTypes.SmsReceived, reported.Type);
        Assert.Equal(("0193aa", "+4917600000001", "Hello there", 2, true), (reported.Data.InboundId, reported.Data.From, reported.Data.Text, reported.Data.Parts, reported.Data.Complete));
    }

    [Fact]
    public void ForModemStatus_Lost_CarriesTheReason()
    {
        var reported = _sut.ForModemStatus(new ModemStatus { Connected = false, Model = "E3372", LastError = "port closed" });

        Assert.Equal(WebhookEventTypes.ModemStatus, reported.Type);
        Assert.Equal((false, "E3372", "port closed"), (reported.Data.Connected, reported.Data.Modem, reported.Data.Reason));
    }

    private static Message MessageWith(Destination destination) => new()
    {
        Id = Message.NewId(Now),
        Text = "hi",
        Destinations = [destination],
        IdempotencyKey = "order-17",
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}

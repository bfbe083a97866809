using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Tests.Sending.DeliveryReports;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Sending.Records;

public sealed class MessageUpdaterEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryMessageStore _store = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task UpdateDestination_WithWebhooksOn_HandsTheStoreTheChangesEventWithTheUpdate()
    {
        var id = await StoreSendingAsync();
        var sut = new MessageUpdater(_store, _time, [], NullLogger<MessageUpdater>.Instance, new WebhookEventFactory(_time));

        await sut.UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sent), CancellationToken.None);

        var reported = Assert.Single(_store.Events);
        Assert.Equal((WebhookEventTypes.MessageSent, id), (reported.Type, reported.Data.MessageId));
    }

    [Fact]
    public async Task UpdateDestination_AMoveNotReported_HandsNoEvent()
    {
        var id = await StoreSendingAsync();
        var sut = new MessageUpdater(_store, _time, [], NullLogger<MessageUpdater>.Instance, new WebhookEventFactory(_time));

        await sut.UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Queued), CancellationToken.None);

        Assert.Empty(_store.Events);
    }

    [Fact]
    public async Task UpdateDestination_WithWebhooksOff_HandsNoEvent()
    {
        var id = await StoreSendingAsync();
        var sut = new MessageUpdater(_store, _time);

        await sut.UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sent), CancellationToken.None);

        Assert.Empty(_store.Events);
    }

    private async Task<string> StoreSendingAsync()
    {
        var message = new Message
        {
            Id = Message.NewId(Now),
            Text = "hi",
            Destinations = [Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sending, Attempts = 1 }],
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await _store.CreateAsync(message, null, CancellationToken.None);
        return message.Id;
    }
}

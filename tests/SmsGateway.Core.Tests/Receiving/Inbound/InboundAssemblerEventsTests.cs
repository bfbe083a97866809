using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Receiving.Inbound;

public sealed class InboundAssemblerEventsTests
{
    private const string Sender = "+4915112345678";
    private static readonly DateTimeOffset Scts = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 14, 10, 0, TimeSpan.Zero));
    private readonly InMemoryInboundStore _store = new();

    [Fact]
    public async Task Store_AMultipartSetCompleted_HandsTheStoreOneSmsReceivedEventWithTheReassembledText()
    {
        var sut = Create(new WebhookEventFactory(_time));

        await sut.StoreInboundAsync(new InboundSmsPart(Sender, Scts, "Hello ", new ConcatPart(7, 1, 2), "PDU-1"), CancellationToken.None);
        Assert.Empty(_store.Events);
        await sut.StoreInboundAsync(new InboundSmsPart(Sender, Scts, "world", new ConcatPart(7, 2, 2), "PDU-2"), CancellationToken.None);

        var reported = Assert.Single(_store.Events);
        var message = Assert.Single(_store.Messages);
        Assert.Equal((WebhookEventTypes.SmsReceived, message.Id, "Hello world", Sender, 2), (reported.Type, reported.Data.InboundId, reported.Data.Text, reported.Data.From, reported.Data.Parts));
    }

    [Fact]
    public async Task Store_WithWebhooksOff_HandsNoEvent()
    {
        var sut = Create(events: null);

        await sut.StoreInboundAsync(new InboundSmsPart(Sender, Scts, "Hello", null, "PDU"), CancellationToken.None);

        Assert.Single(_store.Messages);
        Assert.Empty(_store.Events);
    }

    private InboundAssembler Create(WebhookEventFactory? events) => new(
        _store,
        [],
        Microsoft.Extensions.Options.Options.Create(new InboundOptions()),
        _time,
        NullLogger<InboundAssembler>.Instance,
        events);
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Records;
using Opts = Microsoft.Extensions.Options.Options;

namespace SmsGateway.Core.Tests.Sending.DeliveryReports;

public sealed class DeliveryReportProcessorTests
{
    private const string Alice = "+4915112345678";
    private const string Bob = "+14155552671";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMessageStore _store = new();
    private readonly InMemoryPartReferenceIndex _index = new();
    private readonly InMemoryPendingReports _pending = new();
    private readonly DeliveryReportProcessor _sut;

    public DeliveryReportProcessorTests() => _sut = new DeliveryReportProcessor(
        _index,
        _pending,
        new MessageUpdater(_store, _time),
        Opts.Create(new DeliveryReportOptions()),
        Opts.Create(new SmsOptions { DefaultRegion = "DE" }),
        _time,
        NullLogger<DeliveryReportProcessor>.Instance);

    private DeliveryReport Delivered(string to, int reference) => new(to, reference, true, true, 0x00, _time.GetUtcNow());

    /// <summary>A message to <paramref name="to"/> whose one destination was sent with <paramref name="references"/>, as the outbound processor leaves it.</summary>
    private async Task<string> SentAsync(string to, DestinationStatus status = DestinationStatus.Sent, params int[] references)
    {
        var now = _time.GetUtcNow();
        var destination = Destination.Sms(to) with { Status = status, SentAt = now, PartReferences = references };
        var message = new Message { Id = Message.NewId(now), Text = "x", Destinations = [destination], CreatedAt = now, UpdatedAt = now };
        await _store.CreateAsync(message, null, CancellationToken.None);
        await _index.RecordAsync(references.Select((r, i) => new PartReference(to, r, message.Id, 0, i, now)).ToList(), CancellationToken.None);
        return message.Id;
    }

    private Destination DestinationOf(string id) => _store[id].Destinations[0];

    [Fact]
    public async Task Receive_TwoPartDestination_IsDeliveredOnlyWhenBothPartsAre()
    {
        var id = await SentAsync(Alice, references: [10, 11]);

        var first = await _sut.ReceiveAsync(Delivered(Alice, 10), CancellationToken.None);
        Assert.Equal(DeliveryOutcome.PartDelivered, first);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
        Assert.Equal([0], DestinationOf(id).DeliveredParts);

        _time.Advance(TimeSpan.FromSeconds(3));
        var second = await _sut.ReceiveAsync(Delivered(Alice, 11), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, second);
        Assert.Equal(DestinationStatus.Delivered, DestinationOf(id).Status);
        Assert.Equal(_time.GetUtcNow(), DestinationOf(id).DeliveredAt);
        Assert.Equal([0, 1], DestinationOf(id).DeliveredParts);
        Assert.Equal(MessageStatus.Delivered, _store[id].Status);
    }

    [Fact]
    public async Task Receive_PartConfirmedByAnInterruptedMultipartSend_CountsWhileQueued_AndTheRestCompletesIt()
    {
        // Part 1 of 3 went out before part 2 failed: the destination waits for its retry with one confirmed part.
        var id = await SentAsync(Alice, DestinationStatus.Queued, references: [20]);

        var early = await _sut.ReceiveAsync(Delivered(Alice, 20), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.PartDelivered, early);
        Assert.Equal(DestinationStatus.Queued, DestinationOf(id).Status);
        Assert.Equal([0], DestinationOf(id).DeliveredParts);
        Assert.Equal(0, _pending.Count);

        // The retry sends parts 2 and 3.
        await new MessageUpdater(_store, _time).UpdateDestinationAsync(id, 0, d => d with { Status = DestinationStatus.Sent, PartReferences = [20, 21, 22] }, CancellationToken.None);
        await _index.RecordAsync([new PartReference(Alice, 21, id, 0, 1, _time.GetUtcNow()), new PartReference(Alice, 22, id, 0, 2, _time.GetUtcNow())], CancellationToken.None);
        Assert.Equal(DeliveryOutcome.PartDelivered, await _sut.ReceiveAsync(Delivered(Alice, 21), CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Delivered, await _sut.ReceiveAsync(Delivered(Alice, 22), CancellationToken.None));
        Assert.Equal(DestinationStatus.Delivered, DestinationOf(id).Status);
    }

    [Fact]
    public async Task Receive_SameReportTwice_ChangesNothingTheSecondTime()
    {
        var id = await SentAsync(Alice, references: [10, 11]);

        await _sut.ReceiveAsync(Delivered(Alice, 10), CancellationToken.None);
        var again = await _sut.ReceiveAsync(Delivered(Alice, 10), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ignored, again);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
    }

    [Fact]
    public async Task Receive_FinalFailure_MakesTheDestinationUndeliveredWithTheReason()
    {
        var id = await SentAsync(Alice, references: [10, 11]);

        var outcome = await _sut.ReceiveAsync(new DeliveryReport(Alice, 11, false, true, 0x41, _time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Undelivered, outcome);
        Assert.Equal(DestinationStatus.Undelivered, DestinationOf(id).Status);
        Assert.Equal("undelivered: TP-ST 0x41 incompatible destination", DestinationOf(id).Error);
        Assert.Null(DestinationOf(id).DeliveredAt);
    }

    [Fact]
    public async Task Receive_NotFinal_ChangesNothingAndParksNothing()
    {
        var id = await SentAsync(Alice, references: [10]);

        var outcome = await _sut.ReceiveAsync(new DeliveryReport(Alice, 10, false, false, 0x21, _time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.NotFinal, outcome);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
        Assert.Equal(0, _pending.Count);
    }

    [Fact]
    public async Task Receive_UnknownReference_ChangesNothingAndIsDroppedAfterThePendingTimeout()
    {
        var id = await SentAsync(Alice, references: [10]);

        var outcome = await _sut.ReceiveAsync(Delivered(Alice, 99), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Unknown, outcome);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
        Assert.Equal(1, _pending.Count);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await _sut.RetryPendingAsync(CancellationToken.None));
        Assert.Equal(0, _pending.Count);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
    }

    [Fact]
    public async Task Receive_ReferenceReusedForTheSameRecipient_MatchesTheNewerMessage()
    {
        var older = await SentAsync(Alice, references: [7]);
        _time.Advance(TimeSpan.FromHours(5));
        var newer = await SentAsync(Alice, references: [7]);

        await _sut.ReceiveAsync(Delivered(Alice, 7), CancellationToken.None);

        Assert.Equal(DestinationStatus.Sent, DestinationOf(older).Status);
        Assert.Equal(DestinationStatus.Delivered, DestinationOf(newer).Status);
    }

    [Fact]
    public async Task Receive_SameReferenceForAnotherRecipient_DoesNotMatch()
    {
        var id = await SentAsync(Alice, references: [7]);

        var outcome = await _sut.ReceiveAsync(Delivered(Bob, 7), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Unknown, outcome);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
    }

    [Fact]
    public async Task Receive_RecipientInNationalFormat_MatchesTheE164Destination()
    {
        var id = await SentAsync(Alice, references: [7]);

        await _sut.ReceiveAsync(Delivered("015112345678", 7), CancellationToken.None);

        Assert.Equal(DestinationStatus.Delivered, DestinationOf(id).Status);
    }

    [Fact]
    public async Task Receive_BeforeSentIsRecorded_IsParkedAndAppliedOnceItIs()
    {
        // The index is written before "sent"; the destination gets its references with "sent".
        var id = await SentAsync(Alice, DestinationStatus.Sending, 5);
        var updater = new MessageUpdater(_store, _time);
        await updater.UpdateDestinationAsync(id, 0, d => d with { PartReferences = [] }, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.NotYetSent, await _sut.ReceiveAsync(Delivered(Alice, 5), CancellationToken.None));
        Assert.Equal(1, await _sut.RetryPendingAsync(CancellationToken.None));

        await updater.UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sent) with { PartReferences = [5] }, CancellationToken.None);
        Assert.Equal(0, await _sut.RetryPendingAsync(CancellationToken.None));

        Assert.Equal(DestinationStatus.Delivered, DestinationOf(id).Status);
        Assert.Equal(0, _pending.Count);
    }

    [Fact]
    public async Task Receive_ReferenceOfAnEarlierAttempt_IsIgnored()
    {
        // Sent, crashed before "sent" was recorded, sent again with a new reference.
        var id = await SentAsync(Alice, references: [8]);
        await _index.RecordAsync([new PartReference(Alice, 3, id, 0, 0, _time.GetUtcNow().AddMinutes(-1))], CancellationToken.None);

        var outcome = await _sut.ReceiveAsync(Delivered(Alice, 3), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ignored, outcome);
        Assert.Equal(DestinationStatus.Sent, DestinationOf(id).Status);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Tests.Receiving.Inbound;

public sealed class InboundAssemblerTests
{
    private const string Sender = "+4915112345678";
    private static readonly DateTimeOffset Scts = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 14, 10, 0, TimeSpan.Zero));
    private readonly InMemoryInboundStore _store = new();
    private readonly RecordingListener _listener = new();
    private readonly InboundAssembler _sut;

    public InboundAssemblerTests() => _sut = Create(_listener);

    private InboundAssembler Create(params IInboundMessageListener[] listeners) => new(
        _store,
        listeners,
        Microsoft.Extensions.Options.Options.Create(new InboundOptions()),
        _time,
        NullLogger<InboundAssembler>.Instance);

    private static InboundSmsPart Single(string text, DateTimeOffset? sentAt = null) =>
        new(Sender, sentAt ?? Scts, text, null, "PDU-" + text);

    private static InboundSmsPart PartOf(int number, int count = 3, int reference = 42, string? text = null, DateTimeOffset? sentAt = null) =>
        new(Sender, sentAt ?? Scts.AddSeconds(number), text ?? $"<{number}>", new ConcatPart(reference, number, count), $"PDU-{reference}-{number}-{text}");

    [Fact]
    public async Task Store_SinglePart_BecomesACompleteMessageAtOnce()
    {
        await _sut.StoreInboundAsync(Single("Hello"), CancellationToken.None);

        var message = Assert.Single(_store.Messages);
        Assert.Equal("Hello", message.Text);
        Assert.Equal(Sender, message.Sender);
        Assert.Equal(Scts, message.SentAt);
        Assert.Equal(_time.GetUtcNow(), message.ReceivedAt);
        Assert.Equal(1, message.Parts);
        Assert.True(message.Complete);
        Assert.Equal(32, message.Id.Length);
        Assert.Equal(message, Assert.Single(_listener.Received));
    }

    [Fact]
    public async Task Store_APartWhoseUserDataWasCutShort_MakesItsMessageTruncated_AndOnlyThatOne()
    {
        await _sut.StoreInboundAsync(PartOf(1, count: 2), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(2, count: 2) with { Truncated = true }, CancellationToken.None);
        await _sut.StoreInboundAsync(Single("whole"), CancellationToken.None);

        Assert.Equal([(2, true), (1, false)], _store.Messages.Select(m => (m.Parts, m.Truncated)).OrderByDescending(m => m.Parts));
    }

    [Fact]
    public async Task Store_ThreePartsInOrder312_BecomeOneMessageInPartOrder()
    {
        await _sut.StoreInboundAsync(PartOf(3), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(1), CancellationToken.None);
        Assert.Empty(_store.Messages);

        await _sut.StoreInboundAsync(PartOf(2), CancellationToken.None);

        var message = Assert.Single(_store.Messages);
        Assert.Equal("<1><2><3>", message.Text);
        Assert.Equal(3, message.Parts);
        Assert.True(message.Complete);
        Assert.Equal(Scts.AddSeconds(1), message.SentAt);
        Assert.Single(_listener.Received);
    }

    [Fact]
    public async Task Store_SamePartTwice_StoresOneMessage()
    {
        await _sut.StoreInboundAsync(Single("Once"), CancellationToken.None);
        await _sut.StoreInboundAsync(Single("Once"), CancellationToken.None);

        Assert.Single(_store.Messages);
        Assert.Single(_listener.Received);
    }

    [Fact]
    public async Task Store_SameMultipartPartTwice_CountsOnceAndStillWaits()
    {
        await _sut.StoreInboundAsync(PartOf(1, count: 2), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(1, count: 2), CancellationToken.None);
        Assert.Empty(_store.Messages);

        await _sut.StoreInboundAsync(PartOf(2, count: 2), CancellationToken.None);

        Assert.Equal("<1><2>", Assert.Single(_store.Messages).Text);
    }

    [Fact]
    public async Task Store_SameTextAtAnotherTime_IsANewMessage()
    {
        await _sut.StoreInboundAsync(Single("Hi"), CancellationToken.None);
        await _sut.StoreInboundAsync(Single("Hi", Scts.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(2, _store.Messages.Count);
    }

    [Fact]
    public async Task ReleaseDue_MissingPartAfterTimeout_ReleasesIncompleteWithAGapMarker()
    {
        await _sut.StoreInboundAsync(PartOf(1), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(3), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await _sut.ReleaseDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _sut.ReleaseDueAsync(CancellationToken.None));

        var message = Assert.Single(_store.Messages);
        Assert.False(message.Complete);
        Assert.Equal([2], message.MissingParts);
        Assert.Equal("<1>[…]<3>", message.Text);
        Assert.Equal(3, message.Parts);
        Assert.Single(_listener.Received);
        Assert.Equal(0, await _sut.ReleaseDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Store_PartAfterItsSetWasReleased_IsStoredAsALateFragment()
    {
        await _sut.StoreInboundAsync(PartOf(1), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(3), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        await _sut.ReleaseDueAsync(CancellationToken.None);
        var released = Assert.Single(_store.Messages);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _sut.StoreInboundAsync(PartOf(2), CancellationToken.None);

        Assert.Equal(2, _store.Messages.Count);
        var fragment = _store.Messages.Single(m => m.Id != released.Id);
        Assert.Equal("[…]<2>[…]", fragment.Text);
        Assert.Equal([1, 3], fragment.MissingParts);
        Assert.Equal(released.Id, fragment.FragmentOf);
        Assert.True(string.CompareOrdinal(fragment.Id, released.Id) > 0, "a later message sorts later");
    }

    [Fact]
    public async Task Store_ReferenceReusedForANewMessage_StartsANewSet()
    {
        await _sut.StoreInboundAsync(PartOf(1, count: 2, text: "old"), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(2, count: 2, text: "old"), CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(3));
        await _sut.StoreInboundAsync(PartOf(1, count: 2, text: "new", sentAt: Scts.AddDays(3)), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(2, count: 2, text: "new", sentAt: Scts.AddDays(3)), CancellationToken.None);

        Assert.Equal(["oldold", "newnew"], _store.Messages.Select(m => m.Text));
        Assert.All(_store.Messages, m => Assert.True(m.Complete));
    }

    [Fact]
    public async Task Store_SamePartNumberWhileTheSetIsOpen_ReleasesTheOldSetAndStartsANewOne()
    {
        await _sut.StoreInboundAsync(PartOf(1, text: "a"), CancellationToken.None);

        await _sut.StoreInboundAsync(PartOf(1, text: "b"), CancellationToken.None);

        var old = Assert.Single(_store.Messages);
        Assert.Equal("a[…]", old.Text);

        // Same millisecond as the first set: the second part must still join the new set.
        await _sut.StoreInboundAsync(PartOf(2, text: "b"), CancellationToken.None);
        await _sut.StoreInboundAsync(PartOf(3, text: "b"), CancellationToken.None);
        Assert.Equal(["a[…]", "bbb"], _store.Messages.Select(m => m.Text).Order());
    }

    [Fact]
    public async Task Store_CrashBeforeTheMessageWasWritten_TheRepeatedPartWritesItOnce()
    {
        _store.FailNextMessageWrite = true;
        await Assert.ThrowsAsync<IOException>(() => _sut.StoreInboundAsync(Single("Survivor"), CancellationToken.None));
        Assert.Empty(_store.Messages);

        await _sut.StoreInboundAsync(Single("Survivor"), CancellationToken.None);
        await _sut.StoreInboundAsync(Single("Survivor"), CancellationToken.None);

        Assert.Equal("Survivor", Assert.Single(_store.Messages).Text);
        Assert.Single(_listener.Received);
    }

    [Fact]
    public async Task ReleaseDue_AfterACrashMidRelease_FinishesTheRelease()
    {
        await _sut.StoreInboundAsync(PartOf(1, count: 2), CancellationToken.None);
        _store.FailNextMessageWrite = true;
        await Assert.ThrowsAsync<IOException>(() => _sut.StoreInboundAsync(PartOf(2, count: 2), CancellationToken.None));

        await Create(_listener).ReleaseDueAsync(CancellationToken.None);

        Assert.Equal("<1><2>", Assert.Single(_store.Messages).Text);
        Assert.Single(_listener.Received);
    }

    [Fact]
    public async Task Store_ListenerThrows_MessageIsKeptAndOtherListenersAreStillCalled()
    {
        var failing = new RecordingListener { Failure = new InvalidOperationException("telegram down") };
        var second = new RecordingListener();
        var sut = Create(failing, second);

        await sut.StoreInboundAsync(Single("Important"), CancellationToken.None);

        Assert.Single(_store.Messages);
        Assert.Single(second.Received);
    }
}

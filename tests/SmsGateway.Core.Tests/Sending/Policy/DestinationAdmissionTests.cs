using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Tests.Sending.Policy;

/// <summary>The per-number hourly limit holds a share per request and charges only the requests that were stored.</summary>
public sealed class DestinationAdmissionTests
{
    private const string German = "+4915112345678";
    private const string Austrian = "+436641234567";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task UpToTheLimit_Admitted_ThenRefusedWithTheMaskedNumberAndTheWait()
    {
        var sut = Policy(3);
        for (var i = 0; i < 3; i++)
        {
            await CommitAsync(await sut.AdmitAsync([German], CancellationToken.None));
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        var refusal = Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([German], CancellationToken.None)).Refusal;

        Assert.Equal("+49151****678", refusal.MaskedNumber);
        Assert.Equal(TimeSpan.FromMinutes(30), refusal.RetryAfter);
        Assert.DoesNotContain(German, refusal.Message, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([German], CancellationToken.None));
    }

    [Fact]
    public async Task OneNumberAtItsLimit_HoldsNoneOfTheOthers()
    {
        var sut = Policy(1);
        await CommitAsync(await sut.AdmitAsync([German], CancellationToken.None));

        Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([Austrian, German], CancellationToken.None));

        Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([Austrian], CancellationToken.None));
    }

    [Fact]
    public async Task LimitZero_NeverRefuses()
    {
        var sut = Policy(0);

        for (var i = 0; i < 100; i++)
        {
            await CommitAsync(await sut.AdmitAsync([German], CancellationToken.None));
        }
    }

    [Fact]
    public async Task AReleasedShare_CostsNothing()
    {
        var sut = Policy(1);

        // Held and given back twenty times over: replays, or requests the queue refused after the hold.
        for (var i = 0; i < 20; i++)
        {
            Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([German], CancellationToken.None)).Release();
        }

        await CommitAsync(await sut.AdmitAsync([German], CancellationToken.None));
        Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([German], CancellationToken.None));
    }

    [Fact]
    public async Task AHeldShare_CountsAgainstARacingRequest_UntilReleased()
    {
        var sut = Policy(1);
        var first = Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([German], CancellationToken.None));

        Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([German], CancellationToken.None));
        first.Release();
        first.Release();

        await CommitAsync(await sut.AdmitAsync([German], CancellationToken.None));
        Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([German], CancellationToken.None));
    }

    [Fact]
    public async Task AfterARestart_TheLastHoursStoredMessagesCount_ButNotOlderOnesOrUnqueuedOnes()
    {
        var now = _time.GetUtcNow();
        var history = new ListHistory(
        [
            Sent(German, now - TimeSpan.FromMinutes(70)),
            Sent(German, now - TimeSpan.FromMinutes(40)),
            Unqueued(German, now - TimeSpan.FromMinutes(30)),
            Sent(German, now - TimeSpan.FromMinutes(20)),
        ]);
        var sut = Policy(2, history);

        var refusal = Assert.IsType<DestinationAdmission.Refused>(await sut.AdmitAsync([German], CancellationToken.None)).Refusal;

        Assert.Equal(TimeSpan.FromMinutes(20), refusal.RetryAfter);
        Assert.Equal(now - TimeSpan.FromHours(1), Assert.Single(history.Asked));
        Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([Austrian], CancellationToken.None));
    }

    [Fact]
    public async Task Shared_ACheckIsCountedOnlyOnCommit()
    {
        var shared = new CountingSharedCounter();
        var sut = Policy(5, shared: shared);

        Assert.IsAssignableFrom<DestinationAdmission.Admitted>(await sut.AdmitAsync([German], CancellationToken.None)).Release();
        Assert.Equal(0, shared.Counted);

        await CommitAsync(await sut.AdmitAsync([German, Austrian], CancellationToken.None));
        Assert.Equal(2, shared.Counted);
        Assert.Equal(2, shared.Checks);
    }

    private static async Task CommitAsync(DestinationAdmission admission) =>
        await Assert.IsAssignableFrom<DestinationAdmission.Admitted>(admission).CommitAsync(CancellationToken.None);

    private static Message Sent(string to, DateTimeOffset at) => new()
    {
        Id = Message.NewId(at),
        Text = "hello",
        Destinations = [Destination.Sms(to) with { Status = DestinationStatus.Sent }],
        CreatedAt = at,
        UpdatedAt = at,
    };

    private static Message Unqueued(string to, DateTimeOffset at) => Sent(to, at) with
    {
        Destinations = [Destination.Sms(to) with { Status = DestinationStatus.Failed, Error = ChargedDestinations.UnqueuedError }],
    };

    private DestinationPolicy Policy(int perHour, IMessageHistory? history = null, ISharedDestinationCounter? shared = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new DestinationPolicyOptions { PerDestinationPerHour = perHour }), _time, NullLogger<DestinationPolicy>.Instance, null, history, shared);

    private sealed class ListHistory(IReadOnlyList<Message> messages) : IMessageHistory
    {
        public List<DateTimeOffset> Asked { get; } = [];

        public IReadOnlyList<Message> ReadCreatedSince(DateTimeOffset since)
        {
            Asked.Add(since);
            return messages.Where(m => m.CreatedAt >= since).ToList();
        }
    }

    private sealed class CountingSharedCounter : ISharedDestinationCounter
    {
        public int Counted { get; private set; }

        public int Checks { get; private set; }

        public Task<SharedDestinationCheck> CheckAsync(IReadOnlyList<string> numbers, int perHour, CancellationToken cancellationToken)
        {
            Checks++;
            return Task.FromResult<SharedDestinationCheck>(new Passed(this, numbers.Count));
        }

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(0);

        private sealed class Passed(CountingSharedCounter owner, int numbers) : SharedDestinationCheck
        {
            public override LimitedNumber? Limited => null;

            public override Task CountAsync(CancellationToken cancellationToken)
            {
                owner.Counted += numbers;
                return Task.CompletedTask;
            }
        }
    }
}

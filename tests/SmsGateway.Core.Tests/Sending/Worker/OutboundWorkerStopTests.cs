using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>
/// A stop while an SMS is on the air, on a fake clock: within <c>Outbound:StopGrace</c> its outcome is recorded;
/// past it the send is cut off, left <c>sending</c>, and the restart handles it like a crash's.
/// </summary>
public sealed class OutboundWorkerStopTests : IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);
    private WorkerRig _rig = null!;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stop_SendFinishingWithinTheGrace_IsRecordedAndSettled_AndNotSentAgain(bool succeeds)
    {
        var item = await SendOnTheAirAsync(new OutboundOptions { StopGrace = Grace });

        var stopping = _rig.StopAsync();
        _rig.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.False(_rig.Modem[0].CutOff);
        Assert.False(stopping.IsCompleted);
        if (succeeds)
        {
            _rig.Modem[0].Succeed();
        }
        else
        {
            _rig.Modem[0].Fail(new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500));
        }

        await stopping;

        Assert.False(_rig.Modem[0].CutOff);
        Assert.Equal(succeeds ? DestinationStatus.Sent : DestinationStatus.Queued, _rig.DestinationOf(item).Status);
        Assert.Equal(succeeds ? 1 : 0, _rig.Queue.Completed.Count);
        Assert.Equal(succeeds ? 0 : 1, _rig.Queue.Abandoned.Count);

        // A restart finds nothing left to decide about the send that finished.
        await _rig.StartIdleAsync();
        Assert.Equal(1, _rig.Modem.Count);
    }

    [Theory]
    [InlineData(AfterCrashPolicy.Resend)]
    [InlineData(AfterCrashPolicy.Unknown)]
    public async Task Stop_SendOutlastingTheGrace_IsCutOffAndLeftSending_ThenHandledLikeACrash(AfterCrashPolicy afterCrash)
    {
        var item = await SendOnTheAirAsync(new OutboundOptions { StopGrace = Grace, AfterCrash = afterCrash });

        var stopping = _rig.StopAsync();
        _rig.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.False(_rig.Modem[0].CutOff);
        _rig.Advance(TimeSpan.FromMilliseconds(1));

        // Cut off by the grace on the clock, inline: not by a timer on real time.
        Assert.True(_rig.Modem[0].CutOff);
        await stopping;
        Assert.Equal(DestinationStatus.Sending, _rig.DestinationOf(item).Status);
        Assert.Empty(_rig.Queue.Completed);
        Assert.Empty(_rig.Queue.Abandoned);
        Assert.Empty(_rig.Queue.DeadLetters);

        // The restart: the item comes back once its lock expires, as after a kill.
        _rig.Advance(_rig.Options.LockDuration);
        await _rig.StartAsync();
        if (afterCrash == AfterCrashPolicy.Resend)
        {
            await _rig.WhenAsync(() => _rig.Modem.Count == 2);
            _rig.Modem[1].Succeed();
            await _rig.WhenAsync(() => _rig.Queue.Completed.Count == 1);
            Assert.Equal((DestinationStatus.Sent, 2), (_rig.DestinationOf(item).Status, _rig.DestinationOf(item).Attempts));
        }
        else
        {
            await _rig.WhenAsync(() => _rig.Queue.DeadLetters.Count == 1);
            Assert.Equal(DeadLetterReasons.UnknownOutcomeAfterCrash, _rig.Queue.DeadLetters[0].Reason);
            Assert.Equal(DestinationStatus.Unknown, _rig.DestinationOf(item).Status);
            await _rig.WhenIdleAsync();
            Assert.Equal(1, _rig.Modem.Count);
        }
    }

    [Fact]
    public async Task Stop_WithNoGrace_CutsTheSendOffAtOnce()
    {
        var item = await SendOnTheAirAsync(new OutboundOptions { StopGrace = TimeSpan.Zero });

        await _rig.StopAsync();

        Assert.True(_rig.Modem[0].CutOff);
        Assert.Equal(DestinationStatus.Sending, _rig.DestinationOf(item).Status);
    }

    [Fact]
    public async Task Stop_TheItemPreparedAhead_GoesBackQueuedUncharged_AndIsDueAtOnce()
    {
        var items = await SendOnTheAirAsync(new OutboundOptions { StopGrace = Grace }, 2);
        Assert.Equal(DestinationStatus.Sending, _rig.DestinationOf(items[1]).Status);

        var stopping = _rig.StopAsync();
        _rig.Modem[0].Succeed();
        await stopping;

        Assert.Equal((DestinationStatus.Queued, 0), (_rig.DestinationOf(items[1]).Status, _rig.DestinationOf(items[1]).Attempts));
        Assert.Equal([(items[1].ItemId, TimeSpan.Zero)], _rig.Queue.Abandoned);
        Assert.Equal(1, _rig.Modem.Count);
    }

    public ValueTask DisposeAsync() => _rig?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<QueueItem> SendOnTheAirAsync(OutboundOptions options) => (await SendOnTheAirAsync(options, 1))[0];

    private async Task<QueueItem[]> SendOnTheAirAsync(OutboundOptions options, int count)
    {
        _rig = new WorkerRig(options);
        await _rig.StartIdleAsync();
        var items = await _rig.EnqueueAsync(count);
        await _rig.WhenAsync(() => _rig.Modem.Count == 1);
        return items;
    }
}

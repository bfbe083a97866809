using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>The retry schedule per error class, through the worker on a fake clock: when each attempt comes, and how it ends.</summary>
public sealed class OutboundWorkerRetryTests : IAsyncDisposable
{
    private WorkerRig _rig = null!;

    [Fact]
    public async Task TransientFailures_EachRetryComesAtItsBackoff_NotBefore_BoundedExponentiallyUpToRetryMaxDelay_ThenRetryLimitExceeded()
    {
        var options = new OutboundOptions { MaxAttempts = 5, RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(5), CircuitFailureThreshold = 100 };
        var item = await StartWithOneAsync(options);

        // Transient classes: +CMS codes that are not the number's fault, a timeout before the PDU left, a modem gone mid-send.
        SmsSendException[] failures =
        [
            new(SendFailureKind.Transient, "+CMS ERROR: 500", 500),
            new(SendFailureKind.Transient, "timeout waiting for the '>' prompt"),
            new(SendFailureKind.Transient, "+CMS ERROR: 332", 332),
            new(SendFailureKind.Transient, "modem not connected: port closed"),
        ];
        double[] boundsSeconds = [2, 4, 5, 5];
        for (var attempt = 1; attempt <= failures.Length; attempt++)
        {
            var delay = await FailAndGetRetryDelayAsync(attempt, failures[attempt - 1]);
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(boundsSeconds[attempt - 1]));
            var destination = _rig.DestinationOf(item);
            Assert.Equal((DestinationStatus.Queued, attempt), (destination.Status, destination.Attempts));
            Assert.Equal(_rig.Time.GetUtcNow() + delay, destination.NextAttemptAt);
            Assert.Contains(failures[attempt - 1].Message, destination.Error, StringComparison.Ordinal);

            // The clock, not the worker's loop, brings the next attempt: one tick early nothing is sent.
            await _rig.WhenIdleAsync();
            var early = delay > TimeSpan.Zero ? delay - TimeSpan.FromTicks(1) : TimeSpan.Zero;
            _rig.Advance(early);
            Assert.Equal(attempt, _rig.Modem.Count);
            _rig.Advance(delay - early);
            await _rig.WhenAsync(() => _rig.Modem.Count == attempt + 1);
        }

        _rig.Modem[4].Fail(new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 38", 38));
        await _rig.WhenAsync(() => _rig.Queue.DeadLetters.Count == 1);

        var dead = _rig.Queue.DeadLetters[0];
        Assert.Equal(DeadLetterReasons.RetryLimitExceeded, dead.Reason);
        Assert.Contains("after 5 attempt(s): +CMS ERROR: 38 (error 38)", dead.Description, StringComparison.Ordinal);
        Assert.Equal((DestinationStatus.Failed, 5), (_rig.DestinationOf(item).Status, _rig.DestinationOf(item).Attempts));
        Assert.Equal(dead.Description, _rig.DestinationOf(item).Error);
        await _rig.WhenIdleAsync();
        _rig.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5, _rig.Modem.Count);
    }

    [Fact]
    public async Task PermanentError_IsDeadLetteredOnTheFirstAttempt_AndNeverRetried()
    {
        var item = await StartWithOneAsync(new OutboundOptions());

        _rig.Modem[0].Fail(new SmsSendException(SendFailureKind.Permanent, "+CMS ERROR: 21", 21));
        await _rig.WhenAsync(() => _rig.Queue.DeadLetters.Count == 1);

        Assert.Equal(DeadLetterReasons.PermanentError, _rig.Queue.DeadLetters[0].Reason);
        Assert.Contains("after 1 attempt(s): +CMS ERROR: 21 (error 21)", _rig.Queue.DeadLetters[0].Description, StringComparison.Ordinal);
        Assert.Equal((DestinationStatus.Failed, 1), (_rig.DestinationOf(item).Status, _rig.DestinationOf(item).Attempts));
        Assert.Empty(_rig.Queue.Abandoned);
        await _rig.WhenIdleAsync();
        _rig.Advance(_rig.Options.RetryMaxDelay);
        Assert.Equal(1, _rig.Modem.Count);
    }

    [Theory]
    [InlineData(AfterCrashPolicy.Resend)]
    [InlineData(AfterCrashPolicy.Unknown)]
    public async Task SendOutlastingSendTimeout_IsAnUnknownOutcome_RetriedUnderResend_DeadLetteredNeverResentUnderUnknown(AfterCrashPolicy afterCrash)
    {
        var item = await StartWithOneAsync(new OutboundOptions { AfterCrash = afterCrash, SendTimeout = TimeSpan.FromSeconds(60) });

        _rig.Advance(TimeSpan.FromSeconds(59));
        Assert.False(_rig.Modem[0].CutOff);
        _rig.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_rig.Modem[0].CutOff);

        if (afterCrash == AfterCrashPolicy.Resend)
        {
            await _rig.WhenAsync(() => _rig.Queue.Abandoned.Count == 1);
            Assert.Contains("did not finish the send within 60 s", _rig.DestinationOf(item).Error, StringComparison.Ordinal);
            await _rig.WhenIdleAsync();
            _rig.Advance(_rig.Queue.Abandoned[0].Delay);
            await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        }
        else
        {
            await _rig.WhenAsync(() => _rig.Queue.DeadLetters.Count == 1);
            Assert.Equal(DeadLetterReasons.UnknownOutcome, _rig.Queue.DeadLetters[0].Reason);
            Assert.Equal(DestinationStatus.Unknown, _rig.DestinationOf(item).Status);
            await _rig.WhenIdleAsync();
            _rig.Advance(_rig.Options.RetryMaxDelay);
            Assert.Equal(1, _rig.Modem.Count);
        }
    }

    public ValueTask DisposeAsync() => _rig?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<QueueItem> StartWithOneAsync(OutboundOptions options)
    {
        _rig = new WorkerRig(options);
        await _rig.StartIdleAsync();
        var items = await _rig.EnqueueAsync(1);
        await _rig.WhenAsync(() => _rig.Modem.Count == 1);
        return items[0];
    }

    private async Task<TimeSpan> FailAndGetRetryDelayAsync(int attempt, SmsSendException failure)
    {
        _rig.Modem[attempt - 1].Fail(failure);
        await _rig.WhenAsync(() => _rig.Queue.Abandoned.Count == attempt);
        return _rig.Queue.Abandoned[attempt - 1].Delay;
    }
}

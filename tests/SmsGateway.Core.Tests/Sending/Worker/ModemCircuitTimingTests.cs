using Polly.CircuitBreaker;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>
/// The modem circuit's timing on a fake clock: half-open while the probe runs, failures counted only in a row within
/// <c>Outbound:CircuitSamplingDuration</c>, and a send that outlasts <c>Outbound:SendTimeout</c>.
/// </summary>
public sealed class ModemCircuitTimingTests : IAsyncDisposable
{
    private static readonly ModemSendRequest Sms = new("+4915112345678", "hello");
    private readonly WorkerRig _rig = new(new OutboundOptions
    {
        CircuitFailureThreshold = 3, CircuitBreakDuration = TimeSpan.FromSeconds(30), CircuitSamplingDuration = TimeSpan.FromSeconds(60), SendTimeout = TimeSpan.FromSeconds(10),
    });

    [Fact]
    public async Task TryClose_AfterTheBreak_IsHalfOpenWhileTheProbeRuns_RefusingSends_ThenClosed()
    {
        await FailAsync(3);
        Assert.Equal(CircuitState.Open, _rig.Circuit.State);
        _rig.Advance(TimeSpan.FromSeconds(30));
        var probe = new TaskCompletionSource<bool>();
        _rig.Modem.ProbeGate = probe;

        var closing = _rig.Circuit.TryCloseAsync(CancellationToken.None);

        await _rig.WhenAsync(() => _rig.Modem.Probes == 1);
        Assert.Equal(CircuitState.HalfOpen, _rig.Circuit.State);
        var refused = await Assert.ThrowsAsync<SmsSendException>(() => _rig.Circuit.SendAsync(Sms, CancellationToken.None));
        Assert.Equal((SendFailureKind.Transient, "the modem circuit is open"), (refused.Kind, refused.Message));
        Assert.Equal(3, _rig.Modem.Count);

        probe.SetResult(true);
        Assert.True(await closing);
        Assert.Equal(CircuitState.Closed, _rig.Circuit.State);
    }

    [Fact]
    public async Task TransientFailures_SpreadBeyondTheSamplingDuration_DoNotOpenIt()
    {
        await FailAsync(2);
        _rig.Advance(TimeSpan.FromSeconds(61));
        await FailAsync(1);
        Assert.Equal(CircuitState.Closed, _rig.Circuit.State);

        await FailAsync(2);
        Assert.Equal(CircuitState.Open, _rig.Circuit.State);
    }

    [Fact]
    public async Task ASuccessAmongTheFailures_KeepsItClosed()
    {
        await FailAsync(2);
        var sending = _rig.Circuit.SendAsync(Sms, CancellationToken.None);
        _rig.Modem[2].Succeed();
        await sending;
        await FailAsync(2);

        Assert.Equal(CircuitState.Closed, _rig.Circuit.State);
    }

    [Fact]
    public async Task Send_OutlastingSendTimeout_IsCutOffAsAnUnknownOutcome_AndCountsTowardsOpening()
    {
        for (var i = 0; i < 3; i++)
        {
            var sending = _rig.Circuit.SendAsync(Sms, CancellationToken.None);
            _rig.Advance(TimeSpan.FromSeconds(9));
            Assert.False(sending.IsCompleted);
            _rig.Advance(TimeSpan.FromSeconds(1));

            var failure = await Assert.ThrowsAsync<SmsSendException>(() => sending);
            Assert.Equal((SendFailureKind.UnknownOutcome, "the modem did not finish the send within 10 s"), (failure.Kind, failure.Message));
            Assert.True(_rig.Modem[i].CutOff);
        }

        Assert.Equal(CircuitState.Open, _rig.Circuit.State);
    }

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    private async Task FailAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            var sending = _rig.Circuit.SendAsync(Sms, CancellationToken.None);
            _rig.Modem[_rig.Modem.Count - 1].Fail(new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500));
            await Assert.ThrowsAsync<SmsSendException>(() => sending);
        }
    }
}

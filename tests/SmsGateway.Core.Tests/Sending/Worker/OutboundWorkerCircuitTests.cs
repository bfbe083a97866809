using Polly.CircuitBreaker;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>The worker behind the modem circuit on a fake clock: open → nothing taken, uncharged → probe after the break → closed or open again.</summary>
public sealed class OutboundWorkerCircuitTests : IAsyncDisposable
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    // OutboundWorker's pause between looks at an open circuit.
    private static readonly TimeSpan CircuitPoll = TimeSpan.FromMilliseconds(250);
    private WorkerRig _rig = null!;

    [Fact]
    public async Task TransientFailuresAtTheThreshold_OpenIt_NothingIsTakenUntilTheBreakEnds_ThenAProbeClosesItAndTheItemIsSent()
    {
        var item = await OpenAsync();

        // Open: the item is due again but stays in the queue, and no attempt is charged for the wait.
        await AdvanceOnePollAsync(Break - TimeSpan.FromSeconds(1));
        Assert.Equal((CircuitState.Open, 0, 2), (_rig.Circuit.State, _rig.Modem.Probes, _rig.Modem.Count));
        Assert.Equal((DestinationStatus.Queued, 2), (_rig.DestinationOf(item).Status, _rig.DestinationOf(item).Attempts));
        Assert.Equal(2, _rig.Queue.DeliveriesOf(item));

        _rig.Advance(TimeSpan.FromSeconds(1));
        await _rig.WhenAsync(() => _rig.Modem.Count == 3);
        Assert.Equal((CircuitState.Closed, 1), (_rig.Circuit.State, _rig.Modem.Probes));
        _rig.Modem[2].Succeed();
        await _rig.WhenAsync(() => _rig.Queue.Completed.Count == 1);
        Assert.Equal((DestinationStatus.Sent, 3), (_rig.DestinationOf(item).Status, _rig.DestinationOf(item).Attempts));
    }

    [Fact]
    public async Task AProbeThatFails_OpensItForAnotherBreak_WithoutTakingTheItem()
    {
        await OpenAsync();
        _rig.Modem.ProbeSucceeds = false;

        await AdvanceOnePollAsync(Break);
        Assert.Equal((1, CircuitState.Open), (_rig.Modem.Probes, _rig.Circuit.State));

        _rig.Modem.ProbeSucceeds = true;
        await AdvanceOnePollAsync(Break - TimeSpan.FromSeconds(1));
        Assert.Equal((1, 2), (_rig.Modem.Probes, _rig.Modem.Count));
        _rig.Advance(TimeSpan.FromSeconds(1));
        await _rig.WhenAsync(() => _rig.Modem.Count == 3);
        Assert.Equal(2, _rig.Modem.Probes);
    }

    // The worker waits on its poll (OpenAsync and each call here end so): advances the clock, and returns once the
    // worker has looked at the circuit and waits on its next poll.
    private async Task AdvanceOnePollAsync(TimeSpan by)
    {
        var polls = _rig.Time.TimersSet(CircuitPoll);
        _rig.Advance(by);
        await _rig.WhenAsync(() => _rig.Time.TimersSet(CircuitPoll) > polls);
    }

    public ValueTask DisposeAsync() => _rig?.DisposeAsync() ?? ValueTask.CompletedTask;

    // Two transient failures (the threshold) of one item; its second retry is due within a millisecond.
    private async Task<Core.Sending.Queue.QueueItem> OpenAsync()
    {
        _rig = new WorkerRig(new OutboundOptions
        {
            CircuitFailureThreshold = 2, CircuitBreakDuration = Break, RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(1),
        });
        await _rig.StartIdleAsync();
        var item = (await _rig.EnqueueAsync(1))[0];
        _rig.Modem[0].Fail(new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500));
        await _rig.WhenAsync(() => _rig.Queue.Abandoned.Count == 1);
        await _rig.WhenIdleAsync();
        _rig.Advance(TimeSpan.FromMilliseconds(1));
        await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        _rig.Modem[1].Fail(new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500));
        await _rig.WhenAsync(() => _rig.Queue.Abandoned.Count == 2);
        Assert.Equal(CircuitState.Open, _rig.Circuit.State);
        Assert.Contains("+CMS ERROR: 500", _rig.Circuit.OpenReason, StringComparison.Ordinal);
        await _rig.WhenAsync(() => _rig.Time.TimersSet(CircuitPoll) > 0);
        return item;
    }
}

using SmsGateway.Core.Domain;
using SmsGateway.Core.Options;
using SmsGateway.Core.Tests.Sending.Worker.Support;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>
/// The worker's overlap of database work with the SMS on the air, on a fake clock: the item prepared ahead, none
/// under at-most-once, and the next send only once the previous outcome is durable.
/// </summary>
public sealed class OutboundWorkerPipelineTests : IAsyncDisposable
{
    private WorkerRig _rig = null!;

    [Fact]
    public async Task SendOnTheAir_NextItemIsPreparedAhead_MarkedSendingAndCharged_ThenSentOnce()
    {
        _rig = new WorkerRig(new OutboundOptions());
        await _rig.StartIdleAsync();

        var items = await _rig.EnqueueAsync(2);

        // Publishing ran the worker's reply inline: the first SMS is on the air, the second taken ahead.
        await _rig.WhenAsync(() => _rig.DestinationOf(items[1]).Status == DestinationStatus.Sending);
        Assert.Equal(1, _rig.Modem.Count);
        Assert.Equal((DestinationStatus.Sending, 1), (_rig.DestinationOf(items[1]).Status, _rig.DestinationOf(items[1]).Attempts));
        Assert.Equal(1, _rig.Queue.DeliveriesOf(items[1]));

        _rig.Modem[0].Succeed();
        await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        _rig.Modem[1].Succeed();
        await _rig.WhenAsync(() => _rig.Queue.Completed.Count == 2);

        Assert.All(items, i => Assert.Equal((DestinationStatus.Sent, 1), (_rig.DestinationOf(i).Status, _rig.DestinationOf(i).Attempts)));
        Assert.Equal([items[0].To, items[1].To], [_rig.Modem[0].Request.To, _rig.Modem[1].Request.To]);
    }

    [Fact]
    public async Task AtMostOnce_WhileASendIsOnTheAir_TheNextItemIsNotTakenAhead()
    {
        _rig = new WorkerRig(new OutboundOptions { AfterCrash = AfterCrashPolicy.Unknown });
        await _rig.StartIdleAsync();

        var items = await _rig.EnqueueAsync(2);

        // Publishing ran the worker's reply inline up to its wait for the modem: nothing was taken ahead meanwhile.
        await _rig.WhenAsync(() => _rig.Modem.Count == 1);
        Assert.Equal((DestinationStatus.Queued, 0), (_rig.DestinationOf(items[1]).Status, _rig.DestinationOf(items[1]).Attempts));
        Assert.Equal(0, _rig.Queue.DeliveriesOf(items[1]));

        _rig.Modem[0].Succeed();
        await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        _rig.Modem[1].Succeed();
        await _rig.WhenAsync(() => _rig.Queue.Completed.Count == 2);
        Assert.All(items, i => Assert.Equal(DestinationStatus.Sent, _rig.DestinationOf(i).Status));
    }

    [Theory]
    [InlineData(AfterCrashPolicy.Resend)]
    [InlineData(AfterCrashPolicy.Unknown)]
    public async Task NextSend_WaitsUntilThePreviousOutcomeIsDurable(AfterCrashPolicy afterCrash)
    {
        _rig = new WorkerRig(new OutboundOptions { AfterCrash = afterCrash });
        await _rig.StartIdleAsync();
        var items = await _rig.EnqueueAsync(2);
        await _rig.WhenAsync(() => _rig.Modem.Count == 1);
        var sentHeld = _rig.Store.Hold(m => m.Id == items[0].MessageId && m.Destinations[0].Status == DestinationStatus.Sent);
        List<DestinationStatus> firstAtSecondSend = [];
        _rig.Modem.OnSend = sms =>
        {
            if (sms.To == items[1].To)
            {
                firstAtSecondSend.Add(_rig.DestinationOf(items[0]).Status);
            }
        };

        // The worker's reply to the outcome runs inline up to its next wait: with "sent" held back, that is before the modem.
        _rig.Modem[0].Succeed();
        await sentHeld.Reached;
        Assert.Equal(1, _rig.Modem.Count);

        sentHeld.Release();
        await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        Assert.Equal([DestinationStatus.Sent], firstAtSecondSend);
    }

    [Fact]
    public async Task AtMostOnce_TheNextItemIsNotMarkedSending_BeforeThePreviousOutcomeIsDurable()
    {
        // Otherwise a crash in that moment leaves it "sending", and it is dead-lettered as unknown though it never left.
        _rig = new WorkerRig(new OutboundOptions { AfterCrash = AfterCrashPolicy.Unknown });
        await _rig.StartIdleAsync();
        var items = await _rig.EnqueueAsync(2);
        await _rig.WhenAsync(() => _rig.Modem.Count == 1);
        var sentHeld = _rig.Store.Hold(m => m.Id == items[0].MessageId && m.Destinations[0].Status == DestinationStatus.Sent);

        _rig.Modem[0].Succeed();
        await sentHeld.Reached;
        Assert.Equal((DestinationStatus.Queued, 0), (_rig.DestinationOf(items[1]).Status, _rig.DestinationOf(items[1]).Attempts));

        sentHeld.Release();
        await _rig.WhenAsync(() => _rig.Modem.Count == 2);
        Assert.Equal(DestinationStatus.Sent, _rig.DestinationOf(items[0]).Status);
    }

    public ValueTask DisposeAsync() => _rig?.DisposeAsync() ?? ValueTask.CompletedTask;
}

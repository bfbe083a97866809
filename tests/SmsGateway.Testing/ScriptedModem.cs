using System.Collections.Concurrent;
using SmsGateway.Core.Modem;

namespace SmsGateway.Testing;

/// <summary>
/// The one hand-written modem double, for tests that are about the policy, the worker, the API or the bridge and not
/// the modem (those run the product's simulator): it reports the status it is given, records every send and fails
/// according to a script.
/// </summary>
public sealed class ScriptedModem(TimeProvider? time = null) : ISmsModem
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<SmsSendException> _failures = new();
    private int _reference;
    private int _attempts;
    private int _probes;

    /// <summary>The sends that succeeded, in order.</summary>
    public ConcurrentQueue<ModemSendRequest> Sent { get; } = new();

    /// <summary>Every send fails with this, when set.</summary>
    public SmsSendException? AlwaysFail { get; set; }

    /// <summary>Sends wait for this gate, when set (to hold messages in the queue).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public ModemStatus Status { get; set; } = new() { Connected = true, Registered = true, Model = "Scripted", Operator = "Test", SignalDbm = -71 };

    /// <summary>What <see cref="ProbeAsync"/> answers.</summary>
    public bool ProbeSucceeds { get; set; } = true;

    /// <summary>How many sends were tried, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public int Probes => Volatile.Read(ref _probes);

    public Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        return Task.FromResult(ProbeSucceeds);
    }

    public void FailNext(SmsSendException failure, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(failure);
        }
    }

    public async Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        Interlocked.Increment(ref _attempts);
        if (AlwaysFail is { } always)
        {
            throw always;
        }

        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue(sms);
        return new SmsSendReceipt([Interlocked.Increment(ref _reference) % 256], _time.GetUtcNow());
    }
}

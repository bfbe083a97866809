using System.Collections.Concurrent;
using SmsGateway.Core.Modem;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>
/// A hand-written modem double for HTTP tests that are about the API and the worker, not the modem:
/// it records every send and fails according to a script.
/// </summary>
public sealed class ScriptedModem : ISmsModem
{
    private readonly ConcurrentQueue<SmsSendException> _failures = new();
    private int _reference;

    public ConcurrentQueue<ModemSendRequest> Sent { get; } = new();

    /// <summary>Every send fails with this, when set.</summary>
    public SmsSendException? AlwaysFail { get; set; }

    /// <summary>Sends wait for this gate, when set (to hold messages in the queue).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public ModemStatus Status { get; set; } = new() { Connected = true, Registered = true, Model = "Scripted", Operator = "Test", SignalDbm = -71 };

    /// <summary>What <see cref="ProbeAsync"/> answers.</summary>
    public bool ProbeSucceeds { get; set; } = true;

    public int Probes => _probes;

    private int _probes;

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

        if (AlwaysFail is { } always)
        {
            throw always;
        }

        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue(sms);
        return new SmsSendReceipt([Interlocked.Increment(ref _reference) % 256], DateTimeOffset.UtcNow);
    }
}

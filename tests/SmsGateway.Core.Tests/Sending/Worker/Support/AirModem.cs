using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// A modem double whose sends stay on the air (<see cref="AirSend"/>) until the test finishes them, and whose probes
/// answer <see cref="ProbeSucceeds"/>, or wait for <see cref="ProbeGate"/> while it is set.
/// </summary>
internal sealed class AirModem(TimeProvider time, StateChanges changes) : ISmsModem
{
    private readonly Lock _sync = new();
    private readonly List<AirSend> _sends = [];
    private volatile ModemStatus _status = ModemStatus.Disconnected with { Connected = true, Registered = true, Model = "fake" };
    private int _probes;

    /// <summary>Runs at the moment of each send, before the send is on the air: where a test checks what must already hold.</summary>
    public Action<ModemSendRequest>? OnSend { get; set; }

    public bool ProbeSucceeds { get; set; } = true;

    public TaskCompletionSource<bool>? ProbeGate { get; set; }

    public int Probes => Volatile.Read(ref _probes);

    public ModemStatus Status
    {
        get => _status;
        set
        {
            _status = value;
            changes.Notify();
        }
    }

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _sends.Count;
            }
        }
    }

    public AirSend this[int index]
    {
        get
        {
            lock (_sync)
            {
                return _sends[index];
            }
        }
    }

    public Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        OnSend?.Invoke(sms);
        var send = new AirSend(sms, time, changes, cancellationToken);
        lock (_sync)
        {
            _sends.Add(send);
        }

        changes.Notify();
        return send.Result;
    }

    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        changes.Notify();
        return ProbeGate is { } gate ? await gate.Task.WaitAsync(cancellationToken) : ProbeSucceeds;
    }
}

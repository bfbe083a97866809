using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>A modem double whose sends fail with <see cref="Failure"/> while it is set, and whose probe answers <see cref="ProbeSucceeds"/>.</summary>
internal sealed class SwitchableModem(TimeProvider time) : ISmsModem
{
    public SmsSendException? Failure { get; set; }

    public bool ProbeSucceeds { get; set; } = true;

    public int Sends { get; private set; }

    public int Probes { get; private set; }

    public ModemStatus Status { get; } = ModemStatus.Disconnected with { Connected = true, Registered = true };

    public Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        Sends++;
        return Failure is { } failure ? Task.FromException<SmsSendReceipt>(failure) : Task.FromResult(new SmsSendReceipt([Sends], time.GetUtcNow()));
    }

    public Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        Probes++;
        return Task.FromResult(ProbeSucceeds);
    }
}

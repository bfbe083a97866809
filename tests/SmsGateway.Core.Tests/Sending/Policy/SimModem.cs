using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Tests.Sending.Policy;

/// <summary>A modem that only reports a status (the SIM's IMSI); the policy never sends.</summary>
internal sealed class SimModem(string? imsi) : ISmsModem
{
    public ModemStatus Status { get; set; } = new() { Connected = imsi is not null, Imsi = imsi };

    public Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(Status.Connected);
}

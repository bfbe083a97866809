using SmsGateway.Core.Modem;

namespace SmsGateway.Telegram.Tests.Support;

/// <summary>A modem that only reports a status; these tests never send (no outbound worker runs).</summary>
internal sealed class StubModem : ISmsModem
{
    public ModemStatus Status { get; set; } = new()
    {
        Connected = true,
        Manufacturer = "SIMCOM_Ltd",
        Model = "SIMCOM_SIM800",
        Operator = "Simulated GSM",
        Registered = true,
        SignalDbm = -73,
    };

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(Status.Registered);

    public Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bridge tests do not send SMS.");
}

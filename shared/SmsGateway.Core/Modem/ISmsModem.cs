namespace SmsGateway.Core.Modem;

/// <summary>
/// The gateway's view of one GSM modem: it sends one SMS (all its parts) at a time and reports
/// its state. Implementations throw <see cref="SmsSendException"/> for every failure so the retry
/// policy can tell transient from permanent from unknown outcomes.
/// </summary>
public interface ISmsModem
{
    /// <summary>Sends every part of <paramref name="sms"/> in order and returns the modem's references.</summary>
    Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the modem whether it can send now (<c>AT</c>, then <c>AT+CREG?</c>): true when it answers
    /// and is registered. Used to close the circuit breaker after a run of failures.
    /// </summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>The last known state of the modem; never blocks on the device.</summary>
    ModemStatus Status { get; }
}

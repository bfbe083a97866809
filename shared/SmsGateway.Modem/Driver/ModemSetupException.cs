namespace SmsGateway.Modem.Driver;

/// <summary>The modem answers but cannot be made ready (SIM locked, PIN rejected, no SIM, PDU mode refused).</summary>
public sealed class ModemSetupException : Exception
{
    public ModemSetupException()
        : this("the modem could not be initialised")
    {
    }

    public ModemSetupException(string message)
        : base(message)
    {
    }

    public ModemSetupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ModemSetupException(string message, bool pinRejected)
        : base(message)
    {
        PinRejected = pinRejected;
    }

    /// <summary>The SIM refused the configured PIN: it must not be sent again (three tries lock the SIM).</summary>
    public bool PinRejected { get; }
}

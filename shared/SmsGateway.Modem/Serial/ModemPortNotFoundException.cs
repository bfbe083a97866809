namespace SmsGateway.Modem.Serial;

/// <summary>The configured serial port does not exist (or cannot be opened by this user).</summary>
public sealed class ModemPortNotFoundException : IOException
{
    public ModemPortNotFoundException()
        : this("no such port")
    {
    }

    public ModemPortNotFoundException(string message)
        : base(message)
    {
    }

    public ModemPortNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

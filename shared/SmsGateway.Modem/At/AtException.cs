namespace SmsGateway.Modem.At;

/// <summary>Base of every failure of an AT command: the modem refused it, did not answer, or went away.</summary>
public class AtException : Exception
{
    public AtException()
        : this("AT command failed")
    {
    }

    public AtException(string message)
        : base(message)
    {
    }

    public AtException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AtException(string command, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Command = command;
    }

    /// <summary>The command line that failed, without the trailing CR.</summary>
    public string? Command { get; }
}

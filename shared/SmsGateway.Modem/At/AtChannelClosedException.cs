namespace SmsGateway.Modem.At;

/// <summary>The modem's stream ended or failed; the channel cannot be used any more.</summary>
public sealed class AtChannelClosedException : AtException
{
    public AtChannelClosedException()
        : this("the modem connection is closed")
    {
    }

    public AtChannelClosedException(string message)
        : base(message)
    {
    }

    public AtChannelClosedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AtChannelClosedException(string command, string message, bool payloadSent, Exception? innerException = null)
        : base(command, message, innerException)
    {
        PayloadSent = payloadSent;
    }

    /// <summary>True when the command's payload was (being) written before the connection went away.</summary>
    public bool PayloadSent { get; }
}

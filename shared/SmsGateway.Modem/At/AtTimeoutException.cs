namespace SmsGateway.Modem.At;

/// <summary>The modem did not finish a command within its timeout.</summary>
public sealed class AtTimeoutException : AtException
{
    public AtTimeoutException()
        : this("AT command timed out")
    {
    }

    public AtTimeoutException(string message)
        : base(message)
    {
    }

    public AtTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AtTimeoutException(string command, TimeSpan timeout, bool payloadSent)
        : base(command, $"{command} timed out after {timeout.TotalSeconds:0.###} s{(payloadSent ? " after its payload was written" : string.Empty)}")
    {
        Timeout = timeout;
        PayloadSent = payloadSent;
    }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// True once writing the payload (e.g. the PDU and Ctrl-Z after <c>AT+CMGS</c>) began: the modem may
    /// have acted on it, so the outcome is unknown.
    /// </summary>
    public bool PayloadSent { get; }
}

namespace SmsGateway.Modem.Pdu;

/// <summary>The hex text is not a well-formed SMS PDU; the message says what is wrong and where.</summary>
public sealed class PduFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public PduFormatException()
        : base("Malformed SMS PDU.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PduFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that revealed the problem.</summary>
    public PduFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

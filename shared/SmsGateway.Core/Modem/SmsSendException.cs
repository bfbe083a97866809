namespace SmsGateway.Core.Modem;

/// <summary>A send that failed, classified for the retry policy.</summary>
public sealed class SmsSendException : Exception
{
    public SmsSendException()
        : this(SendFailureKind.Transient, "send failed")
    {
    }

    public SmsSendException(string message)
        : this(SendFailureKind.Transient, message)
    {
    }

    public SmsSendException(string message, Exception innerException)
        : this(SendFailureKind.Transient, message, null, innerException)
    {
    }

    public SmsSendException(SendFailureKind kind, string message, int? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
    }

    /// <summary>Transient, permanent or unknown outcome.</summary>
    public SendFailureKind Kind { get; }

    /// <summary>The modem's <c>+CMS ERROR</c> / <c>+CME ERROR</c> code, when there was one.</summary>
    public int? ErrorCode { get; }

    /// <summary>
    /// References of the parts this attempt sent and the modem confirmed before it failed, in part order: they
    /// are on their way and must not be sent again.
    /// </summary>
    public IReadOnlyList<int> SentPartReferences { get; init; } = [];

    /// <summary>The concatenation reference the attempt's parts carried (multipart only), for the parts still to send.</summary>
    public int? ConcatReference { get; init; }
}

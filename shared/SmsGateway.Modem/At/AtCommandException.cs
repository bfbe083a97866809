namespace SmsGateway.Modem.At;

/// <summary>The modem answered a command with <c>ERROR</c>, <c>+CME ERROR</c> or <c>+CMS ERROR</c>.</summary>
public sealed class AtCommandException : AtException
{
    public AtCommandException()
        : this("AT", AtErrorKind.Error, null, "ERROR")
    {
    }

    public AtCommandException(string message)
        : base(message)
    {
        ResultLine = "ERROR";
    }

    public AtCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ResultLine = "ERROR";
    }

    public AtCommandException(string command, AtErrorKind kind, int? errorCode, string resultLine)
        : base(command, $"{command} failed: {resultLine}")
    {
        Kind = kind;
        ErrorCode = errorCode;
        ResultLine = resultLine;
    }

    public AtErrorKind Kind { get; }

    /// <summary>The numeric code of <c>+CME/+CMS ERROR</c>; null for plain <c>ERROR</c> and textual errors.</summary>
    public int? ErrorCode { get; }

    /// <summary>The final result line exactly as the modem sent it.</summary>
    public string ResultLine { get; }
}

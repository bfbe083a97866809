using Microsoft.Extensions.Logging;

namespace SmsGateway.Modem.At;

internal static partial class AtChannelLog
{
    // Raw traffic holds PDUs (message text) and numbers: Trace only.
    [LoggerMessage(EventId = 1100, Level = LogLevel.Trace, Message = "AT -> {Command}")]
    public static partial void Sent(ILogger logger, string command);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Trace, Message = "AT <- {Line}")]
    public static partial void Received(ILogger logger, string line);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Unsolicited {Name}")]
    public static partial void Unsolicited(ILogger logger, string name);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Ignored a final result {Line} that no command was waiting for")]
    public static partial void StaleResult(ILogger logger, string line);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Dropped a line of {Length} characters with binary noise")]
    public static partial void Noise(ILogger logger, int length);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Debug, Message = "{Command} gave its answer without a final result; taken as complete after {GraceMilliseconds} ms")]
    public static partial void NoFinalResult(ILogger logger, string command, double graceMilliseconds);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{Command} timed out after {TimeoutSeconds} s")]
    public static partial void TimedOut(ILogger logger, string command, double timeoutSeconds);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Modem connection closed: {Reason}")]
    public static partial void Closed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Unsolicited {Name} dropped: {Capacity} wait to be handled ({Dropped} dropped so far); SMS stored on the SIM are found by the next storage sweep")]
    public static partial void UrcDropped(ILogger logger, string name, int capacity, long dropped);
}

using Microsoft.Extensions.Logging;
using SmsGateway.Core.Modem;

namespace SmsGateway.Modem.Driver;

internal static partial class GsmModemLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Modem connected on {Port}: {Manufacturer} {Model}, operator {Operator}, signal {SignalDbm} dBm")]
    public static partial void Connected(ILogger logger, string port, string? manufacturer, string? model, string? @operator, int? signalDbm);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Modem not available on {Port}: {Reason}; retrying in {RetrySeconds} s")]
    public static partial void Unavailable(ILogger logger, string port, string reason, double retrySeconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Modem connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Modem set-up failed: {Reason}")]
    public static partial void SetupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "{Count} consecutive command timeouts: re-initialising the modem")]
    public static partial void SessionBroken(ILogger logger, int count);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "{Command} refused: {Result}")]
    public static partial void CommandRefused(ILogger logger, string command, string result);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "The modem accepted no variant of {Command}; continuing without it")]
    public static partial void NoVariantAccepted(ILogger logger, string command);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Sending SMS to {To} in {Parts} part(s)")]
    public static partial void Sending(ILogger logger, string to, int parts);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Sent SMS to {To}, references {References}")]
    public static partial void Sent(ILogger logger, string to, string references);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Sending SMS to {To} failed ({Kind}): {Reason}")]
    public static partial void SendFailed(ILogger logger, string to, SendFailureKind kind, string reason);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Received SMS part {Part}/{Parts} from {From}")]
    public static partial void Received(ILogger logger, string from, int part, int parts);

    [LoggerMessage(EventId = 1227, Level = LogLevel.Warning, Message = "SMS part from {From} arrived with less user data than it declared; stored as far as it goes (the raw PDU is kept with it)")]
    public static partial void Truncated(ILogger logger, string from);

    [LoggerMessage(EventId = 1228, Level = LogLevel.Warning, Message = "The modem refused every AT+CNMI, so it announces no received SMS: inbound is {Receiving} (polled: listed every Modem:StatusInterval)")]
    public static partial void NotNotified(ILogger logger, ModemReceiving receiving);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Information, Message = "Status report for reference {Reference}: status {Status}")]
    public static partial void StatusReport(ILogger logger, int reference, int status);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Warning, Message = "Undecodable PDU handed over as raw: {Error}")]
    public static partial void Undecodable(ILogger logger, string error);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Debug, Message = "Undecodable PDU: {Pdu}")]
    public static partial void UndecodablePdu(ILogger logger, string pdu);

    [LoggerMessage(EventId = 1224, Level = LogLevel.Error, Message = "Storing a received message failed; it stays on the modem for the next sweep")]
    public static partial void SinkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1225, Level = LogLevel.Warning, Message = "Deleting message {Index} from the modem failed; it will be handed over again")]
    public static partial void DeleteFailed(ILogger logger, int index);

    [LoggerMessage(EventId = 1226, Level = LogLevel.Debug, Message = "Storage sweep found {Count} message(s)")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(EventId = 1230, Level = LogLevel.Warning, Message = "Modem background task failed: {Task}")]
    public static partial void LoopFailed(ILogger logger, string task, Exception exception);
}

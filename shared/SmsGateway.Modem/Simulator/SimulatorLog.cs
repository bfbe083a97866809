using Microsoft.Extensions.Logging;

namespace SmsGateway.Modem.Simulator;

internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Simulated modem connected on {Description}")]
    public static partial void Connected(ILogger logger, string description);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Simulated modem disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    // Command lines can carry PDUs (message text) and numbers: Trace only.
    [LoggerMessage(EventId = 1302, Level = LogLevel.Trace, Message = "Simulator <- {Line}")]
    public static partial void CommandReceived(ILogger logger, string line);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "Simulator answered ERROR to unknown command {Command}")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Simulated modem transmitted part {Part}/{Parts} to {To} (message reference {MessageReference})")]
    public static partial void Transmitted(ILogger logger, int part, int parts, string to, int messageReference);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Simulated modem received an SMS from {From} in {Parts} part(s), stored at {Indexes}")]
    public static partial void InboundInjected(ILogger logger, string from, int parts, string indexes);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "Simulated SIM storage is full; an incoming part from {From} was dropped")]
    public static partial void StorageFull(ILogger logger, string from);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Debug, Message = "Simulated status report for message reference {MessageReference}: TP-ST {Status}, routed as {Routing}")]
    public static partial void StatusReport(ILogger logger, int messageReference, int status, string routing);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Information, Message = "Simulated modem fault injected: {Fault}")]
    public static partial void FaultInjected(ILogger logger, string fault);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Warning, Message = "Simulated modem could not write the air log {Path}")]
    public static partial void AirLogFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Debug, Message = "Simulator rejected a PDU: {Reason}")]
    public static partial void PduRejected(ILogger logger, string reason);
}

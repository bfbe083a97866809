namespace SmsGateway.Core.Modem;

/// <summary>
/// Where the modem driver hands each status report (SMS-STATUS-REPORT). As with <see cref="IInboundSmsSink"/>, a
/// report stored on the SIM is deleted only after this returned, so it must be durable and idempotent. Implemented by
/// the sending walk's delivery report processor.
/// </summary>
public interface IDeliveryReportSink
{
    Task ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken);
}

namespace SmsGateway.Core.Modem;

/// <summary>
/// Where the modem driver hands what the modem received. The driver deletes an SMS from the SIM
/// only after <see cref="StoreInboundAsync"/> has returned, so an implementation must store durably
/// before it returns and must tolerate the same part twice (a crash before the delete).
/// </summary>
public interface IModemEventSink
{
    Task StoreInboundAsync(InboundSmsPart part, CancellationToken cancellationToken);

    Task ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken);
}

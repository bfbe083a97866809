using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// What the modem driver hands over goes here: received parts to the <see cref="InboundAssembler"/>,
/// status reports to the <see cref="DeliveryReportProcessor"/>. Both store durably before returning.
/// </summary>
public sealed class ModemEventSink(InboundAssembler assembler, DeliveryReportProcessor reports) : IModemEventSink
{
    public Task StoreInboundAsync(InboundSmsPart part, CancellationToken cancellationToken) =>
        assembler.StoreAsync(part, cancellationToken);

    public Task ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken) =>
        reports.ReceiveAsync(report, cancellationToken);
}

namespace SmsGateway.Core.Modem;

/// <summary>
/// Where the modem driver hands each received SMS part. The driver deletes an SMS from the SIM only after
/// <see cref="StoreInboundAsync"/> has returned, so an implementation must store durably before it returns and must
/// tolerate the same part twice (a crash before the delete). Implemented by the receiving walk's assembler.
/// </summary>
public interface IInboundSmsSink
{
    Task StoreInboundAsync(InboundSmsPart part, CancellationToken cancellationToken);
}

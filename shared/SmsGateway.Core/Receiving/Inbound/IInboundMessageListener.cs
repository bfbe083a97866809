namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// Told about each inbound message once it is stored durably (e.g. to forward it to Telegram). A
/// listener that throws or times out is logged and skipped: the message is already safe. Keep it
/// quick: the modem waits for it before deleting the SMS from the SIM, so hand the message to a
/// durable outbox rather than calling remote services here.
/// </summary>
public interface IInboundMessageListener
{
    Task OnInboundMessageAsync(InboundMessage message, CancellationToken cancellationToken);
}

using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// Wakes the dispatcher after a stored status change or inbound message, so its event goes out at once rather than at
/// the next poll. It carries nothing: the event was stored with the change, and is delivered even if this never runs.
/// </summary>
internal sealed class WebhookWakeUpListener(WebhookWakeUp wakeUp) : IDestinationStatusListener, IInboundMessageListener
{
    public Task OnDestinationStatusChangedAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken)
    {
        wakeUp.Events.Pulse();
        return Task.CompletedTask;
    }

    public Task OnInboundMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        wakeUp.Events.Pulse();
        return Task.CompletedTask;
    }
}

using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Agent.Cloud;

/// <summary>Turns every stored inbound SMS into an <see cref="InboundSmsReceived"/> event, in arrival order.</summary>
public sealed class CloudInboundListener(AgentEventOutbox events) : IInboundMessageListener
{
    public Task OnInboundMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var now = events.Now;
        var agentEvent = new InboundSmsReceived { EventId = AgentEventOutbox.NewEventId(now), OccurredAt = now, Message = message };

        // Keyed by the message id: a repeated notification after a crash queues nothing twice.
        return events.EnqueueAsync(AgentEventOutbox.InboundChannel, agentEvent, "inbound:" + message.Id, cancellationToken);
    }
}

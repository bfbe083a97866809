using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Agent.Cloud;

/// <summary>Turns every stored status change of a destination into a <see cref="DestinationStatusChanged"/> event.</summary>
public sealed class CloudStatusListener(AgentEventOutbox events) : IDestinationStatusListener
{
    public Task OnDestinationStatusChangedAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken)
    {
        var destination = message.Destinations[index];
        var now = events.Now;
        var agentEvent = new DestinationStatusChanged
        {
            EventId = AgentEventOutbox.NewEventId(now),
            OccurredAt = now,
            MessageId = message.Id,
            DestinationIndex = index,
            Status = destination.Status,
            Attempts = destination.Attempts,
            Error = destination.Error,
            PartReferences = destination.PartReferences,
            SentAt = destination.SentAt,
            DeliveredAt = destination.DeliveredAt,
            NextAttemptAt = destination.NextAttemptAt,
        };
        return events.EnqueueStatusAsync(agentEvent, cancellationToken);
    }
}

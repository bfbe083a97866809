using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Telemetry;

/// <summary>
/// Counts sent, delivered, failed and dead-lettered SMS from the durable status changes, so the counts
/// match what the store says and no send path needs its own metric calls.
/// </summary>
internal sealed class MetricsStatusListener(GatewayMetrics metrics, TimeProvider time) : IDestinationStatusListener
{
    public Task OnDestinationStatusChangedAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken)
    {
        var destination = message.Destinations[index];
        switch (previous, destination.Status)
        {
            case (_, DestinationStatus.Sent):
                metrics.Sent((destination.SentAt ?? time.GetUtcNow()) - message.CreatedAt);
                break;
            case (_, DestinationStatus.Delivered):
                metrics.Delivered();
                break;
            case (_, DestinationStatus.Undelivered):
                metrics.Undelivered();
                break;
            case (DestinationStatus.Sending, DestinationStatus.Queued):
                metrics.SendFailed(retry: true);
                break;
            case (DestinationStatus.Sending, DestinationStatus.Failed):
                metrics.SendFailed(retry: false);
                metrics.DeadLettered();
                break;
            case (DestinationStatus.Sending, DestinationStatus.Unknown):
                metrics.DeadLettered();
                break;
        }

        return Task.CompletedTask;
    }
}

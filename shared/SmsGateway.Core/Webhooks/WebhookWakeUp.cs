using SmsGateway.Core.Hosting;

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// Wakes the dispatcher: <see cref="Events"/> when events were stored or a delivery settled (a later event of the same
/// subject may go now), <see cref="Endpoints"/> when an endpoint was added, changed or removed.
/// </summary>
public sealed class WebhookWakeUp
{
    public WakeUpSignal Events { get; } = new();

    public WakeUpSignal Endpoints { get; } = new();
}

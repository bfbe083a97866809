using System.Globalization;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// Delivers one due event to one endpoint and records how it went: done on 2xx, the endpoint disabled on 410 Gone,
/// otherwise due again by <see cref="WebhookRetrySchedule"/> until the retry period is over, then kept as failed.
/// </summary>
public sealed partial class WebhookDeliverer(
    IWebhookStore store,
    WebhookSender sender,
    WebhookRetrySchedule schedule,
    WebhookWakeUp wakeUp,
    WebhookMetrics metrics,
    TimeProvider time,
    TimeSpan lockDuration,
    ILogger<WebhookDeliverer> logger)
{
    /// <summary>Takes the endpoint's next due delivery and makes one attempt; false when nothing was due (or the endpoint is gone or disabled).</summary>
    public async Task<bool> DeliverNextAsync(string endpointId, CancellationToken cancellationToken)
    {
        // Read each time: a rotated secret signs from the next request on, and a disabled endpoint gets nothing more.
        if (await store.GetEndpointAsync(endpointId, cancellationToken) is not { Enabled: true } endpoint
            || await store.LeaseDueAsync(endpointId, 1, lockDuration, cancellationToken) is not [var lease])
        {
            return false;
        }

        var started = time.GetTimestamp();
        var attempt = await sender.SendAsync(endpoint, lease, cancellationToken);
        metrics.Attempted(attempt, time.GetElapsedTime(started));
        await RecordAsync(endpoint, lease, attempt, cancellationToken);
        wakeUp.Events.Pulse();
        return true;
    }

    private async Task RecordAsync(WebhookEndpoint endpoint, WebhookDeliveryLease lease, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (attempt)
        {
            case WebhookAttempt.Delivered:
                await store.CompleteAsync(lease, cancellationToken);
                LogDelivered(logger, lease.EventId, lease.Type, endpoint.Id, lease.Attempts + 1);
                break;
            case WebhookAttempt.Gone:
                var reason = string.Create(CultureInfo.InvariantCulture, $"the receiver answered 410 Gone at {now:O}");
                await store.UpdateEndpointAsync(endpoint with { DisabledReason = reason }, cancellationToken);
                wakeUp.Endpoints.Pulse();
                LogGone(logger, endpoint.Id, lease.EventId);
                break;
            case WebhookAttempt.Failed failed:
                var attempts = lease.Attempts + 1;
                if (schedule.NextAttemptAt(attempts, lease.RetriesSince, now) is { } next)
                {
                    await store.RescheduleAsync(lease, next, failed.Error, cancellationToken);
                    LogRetry(logger, lease.EventId, endpoint.Id, attempts, (next - now).TotalSeconds, failed.Error);
                }
                else
                {
                    var error = string.Create(CultureInfo.InvariantCulture, $"gave up after {attempts} attempt(s) since {lease.RetriesSince:O}: {failed.Error}");
                    await store.FailAsync(lease, error, cancellationToken);
                    metrics.GaveUp();
                    LogGaveUp(logger, lease.EventId, endpoint.Id, attempts, failed.Error);
                }

                break;
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Delivered event {EventId} ({Type}) to webhook {EndpointId} on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string eventId, string type, string endpointId, int attempt);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Webhook {EndpointId} failed event {EventId} on attempt {Attempt}; trying again in {DelaySeconds:F0} s: {Error}")]
    private static partial void LogRetry(ILogger logger, string eventId, string endpointId, int attempt, double delaySeconds, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Gave up on event {EventId} for webhook {EndpointId} after {Attempts} attempt(s); it is kept as failed and can be replayed: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string eventId, string endpointId, int attempts, string error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Webhook {EndpointId} answered 410 Gone to event {EventId}; the endpoint is disabled and its pending events are kept as failed")]
    private static partial void LogGone(ILogger logger, string endpointId, string eventId);
}

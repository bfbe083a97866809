using Microsoft.Extensions.Options;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// One pass over the events outbox: takes the oldest due event of up to <c>Cloud:MaxBatchSize</c> channels,
/// POSTs them as one batch and settles them by the answer. An event is removed only after the cloud
/// stored it; while the cloud is unreachable the events stay, due again after an exponential backoff.
/// </summary>
public sealed partial class AgentEventsDrainer
{
    private readonly IOutbox _outbox;
    private readonly AgentEventsClient _client;
    private readonly CloudOptions _options;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentEventsDrainer> _logger;
    private int _failuresInARow;
    private DateTimeOffset _pausedUntil;

    public AgentEventsDrainer(IOutbox outbox, AgentEventsClient client, IOptions<CloudOptions> options, TimeProvider time, ILogger<AgentEventsDrainer> logger)
    {
        _outbox = outbox;
        _client = client;
        _options = options.Value;
        _backoff = new RetryBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends one batch. Returns how long to wait before the next pass: zero when more is due at once,
    /// the time until the next event is due, or null when nothing is pending.
    /// </summary>
    public async Task<TimeSpan?> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now < _pausedUntil)
        {
            // Backing off: new events wait too, or each one would knock on the closed door.
            return _pausedUntil - now;
        }

        var channels = await _outbox.ListPendingChannelsAsync(AgentEventOutbox.ChannelPrefix, _options.MaxBatchSize, cancellationToken);
        if (channels.Count == 0)
        {
            return null;
        }

        var leases = new List<OutboxLease>();
        foreach (var channel in channels.Where(c => c.NextDueAt <= now))
        {
            // Locked past the request timeout: a crash mid-POST leaves the events due again, never lost.
            if (await _outbox.LeaseNextAsync(channel.Name, _options.RequestTimeout * 2, cancellationToken) is { } lease)
            {
                leases.Add(lease);
            }
        }

        if (leases.Count == 0)
        {
            var next = channels.Min(c => c.NextDueAt) - now;
            return next > TimeSpan.Zero ? next : TimeSpan.FromMilliseconds(100);
        }

        var outcome = await _client.PostAsync([.. leases.Select(l => l.Payload)], cancellationToken);
        switch (outcome.Result)
        {
            case EventsPostResult.Accepted:
                await SettleAsync(leases, lease => _outbox.CompleteAsync(lease, cancellationToken));
                if (_failuresInARow > 0)
                {
                    LogReachedAgain(_logger, _failuresInARow);
                }

                _failuresInARow = 0;
                return TimeSpan.Zero;

            case EventsPostResult.Rejected when leases.Count > 1:
                // One bad event must not sink the others: release them all and send one at a time.
                await SettleAsync(leases, lease => _outbox.RescheduleAsync(lease, TimeSpan.Zero, lease.Attempts, outcome.Problem, cancellationToken));
                return await DrainSinglyAsync(leases, cancellationToken);

            case EventsPostResult.Rejected:
                LogRejected(_logger, leases[0].DedupeKey, outcome.Problem);
                await SettleAsync(leases, lease => _outbox.DeadLetterAsync(lease, "Rejected by the cloud: " + outcome.Problem, cancellationToken));
                return TimeSpan.Zero;

            default:
                _failuresInARow++;
                var delay = _backoff.DelayAfter(_failuresInARow);
                if (outcome.RetryAfter is { } asked && asked > delay)
                {
                    delay = asked < _options.RetryMaxDelay ? asked : _options.RetryMaxDelay;
                }

                _pausedUntil = _time.GetUtcNow() + delay;
                LogUnreachable(_logger, leases.Count, outcome.Problem, _failuresInARow, delay.TotalMilliseconds);
                await SettleAsync(leases, lease => _outbox.RescheduleAsync(lease, delay, lease.Attempts + 1, outcome.Problem, cancellationToken));
                return delay;
        }
    }

    private async Task<TimeSpan?> DrainSinglyAsync(List<OutboxLease> released, CancellationToken cancellationToken)
    {
        foreach (var channel in released.Select(l => l.Channel))
        {
            if (await _outbox.LeaseNextAsync(channel, _options.RequestTimeout * 2, cancellationToken) is not { } lease)
            {
                continue;
            }

            var outcome = await _client.PostAsync([lease.Payload], cancellationToken);
            if (outcome.Result == EventsPostResult.Accepted)
            {
                await SettleAsync([lease], l => _outbox.CompleteAsync(l, cancellationToken));
            }
            else if (outcome.Result == EventsPostResult.Rejected)
            {
                LogRejected(_logger, lease.DedupeKey, outcome.Problem);
                await SettleAsync([lease], l => _outbox.DeadLetterAsync(l, "Rejected by the cloud: " + outcome.Problem, cancellationToken));
            }
            else
            {
                await SettleAsync([lease], l => _outbox.RescheduleAsync(l, _options.RetryBaseDelay, l.Attempts + 1, outcome.Problem, cancellationToken));
                return _options.RetryBaseDelay;
            }
        }

        return TimeSpan.Zero;
    }

    private async Task SettleAsync(IReadOnlyList<OutboxLease> leases, Func<OutboxLease, Task> settle)
    {
        foreach (var lease in leases)
        {
            try
            {
                await settle(lease);
            }
            catch (LockLostException)
            {
                // The lock ran out during a slow POST: the event goes again and the cloud drops the repeat by its id.
                LogLockLost(_logger, lease.DedupeKey);
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The cloud did not take {Count} event(s): {Problem}; failure {Failures} in a row, next try in {DelayMs:F0} ms (the events are kept)")]
    private static partial void LogUnreachable(ILogger logger, int count, string problem, int failures, double delayMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "The cloud takes events again after {Failures} failed tries")]
    private static partial void LogReachedAgain(ILogger logger, int failures);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "The cloud refused event {EventKey} ({Problem}); it is set aside in the outbox and the events behind it go on")]
    private static partial void LogRejected(ILogger logger, string eventKey, string problem);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "The outbox lock on event {EventKey} ran out before it was settled; it will be sent again")]
    private static partial void LogLockLost(ILogger logger, string eventKey);
}

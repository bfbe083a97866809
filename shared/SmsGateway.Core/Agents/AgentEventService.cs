using Microsoft.Extensions.Logging;
using SmsGateway.Core.Inbound;
using SmsGateway.Core.Storage;

namespace SmsGateway.Core.Agents;

/// <summary>
/// Applies a batch of agent events to the cloud's state, each at most once and in batch order, and answers
/// with a result per event once all of them are durable.
/// </summary>
/// <remarks>
/// An event is applied first and marked in the ledger after. A crash in between applies it again on the
/// agent's retry, which is harmless: status merges are monotonic, inbound messages are insert-if-absent, and
/// heartbeats keep the newest. Marking first would lose the event instead. Skipped events are marked too, so a
/// later replay cannot turn a stale event into a regression once the state has moved on.
/// </remarks>
public sealed partial class AgentEventService(
    MessageUpdater updater,
    IInboundStore inbound,
    IEnumerable<IInboundMessageListener> inboundListeners,
    IAgentRegistry registry,
    IEventLedger ledger,
    TimeProvider time,
    ILogger<AgentEventService> logger)
{
    private readonly IInboundMessageListener[] _inboundListeners = inboundListeners.ToArray();

    /// <summary>Applies <paramref name="batch"/>, already checked by <see cref="AgentEventBatchValidator"/>, for <paramref name="agentId"/>.</summary>
    public async Task<AgentEventsResponse> ApplyAsync(string agentId, AgentEventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new List<AgentEventResult>(batch.Events.Count);
        foreach (var @event in batch.Events)
        {
            if (await ledger.HasAppliedAsync(agentId, @event.EventId, cancellationToken))
            {
                results.Add(new AgentEventResult(@event.EventId, AgentEventOutcome.Duplicate));
                continue;
            }

            var skipReason = @event switch
            {
                DestinationStatusChanged change => await ApplyStatusAsync(agentId, change, cancellationToken),
                InboundSmsReceived received => await ApplyInboundAsync(received, cancellationToken),
                AgentHeartbeat heartbeat => await ApplyHeartbeatAsync(heartbeat, cancellationToken),
                _ => "unknown event kind",
            };

            // Someone marked it between our check and now (the same batch delivered twice at once): theirs counts.
            var outcome = !await ledger.TryMarkAppliedAsync(agentId, @event.EventId, cancellationToken) ? AgentEventOutcome.Duplicate
                : skipReason is null ? AgentEventOutcome.Applied
                : AgentEventOutcome.Skipped;
            results.Add(new AgentEventResult(@event.EventId, outcome, outcome == AgentEventOutcome.Skipped ? skipReason : null));
        }

        LogBatchApplied(logger, agentId, results.Count, results.Count(r => r.Outcome == AgentEventOutcome.Applied));
        return new AgentEventsResponse(results);
    }

    private async Task<string?> ApplyStatusAsync(string agentId, DestinationStatusChanged change, CancellationToken cancellationToken)
    {
        string? skipReason = null;
        var stored = await updater.UpdateDestinationAsync(
            change.MessageId,
            change.DestinationIndex,
            current =>
            {
                // Decided again on every try: a conflict means the record changed under us.
                (var updated, skipReason) = DestinationStatusMerge.Apply(current, change);
                return updated;
            },
            cancellationToken);
        if (stored is null)
        {
            skipReason = "unknown message or destination";
        }

        if (skipReason is not null)
        {
            LogStatusSkipped(logger, agentId, change.EventId, change.MessageId, change.DestinationIndex, skipReason);
        }

        return skipReason;
    }

    private async Task<string?> ApplyInboundAsync(InboundSmsReceived received, CancellationToken cancellationToken)
    {
        if (!await inbound.AddMessageAsync(received.Message, cancellationToken))
        {
            // Stored by an earlier try that did not reach the ledger; its listeners were told then.
            return null;
        }

        foreach (var listener in _inboundListeners)
        {
            try
            {
                await listener.OnInboundMessageAsync(received.Message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The message is stored; a listener's trouble must not make the agent send it again.
                LogInboundListenerFailed(logger, listener.GetType().Name, received.Message.Id, ex);
            }
        }

        return null;
    }

    private async Task<string?> ApplyHeartbeatAsync(AgentHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        await registry.RecordHeartbeatAsync(
            new AgentState(heartbeat.AgentId, heartbeat.OccurredAt, time.GetUtcNow(), heartbeat.Modem, heartbeat.QueueDepth, heartbeat.DeadLettered),
            cancellationToken);
        return null;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Agent {AgentId} sent {Events} event(s); {Applied} applied")]
    private static partial void LogBatchApplied(ILogger logger, string agentId, int events, int applied);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Agent {AgentId} event {EventId} for message {MessageId} destination {Index} skipped: {Reason}")]
    private static partial void LogStatusSkipped(ILogger logger, string agentId, string eventId, string messageId, int index, string reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "Inbound listener {Listener} failed for message {MessageId}; the message is stored")]
    private static partial void LogInboundListenerFailed(ILogger logger, string listener, string messageId, Exception exception);
}

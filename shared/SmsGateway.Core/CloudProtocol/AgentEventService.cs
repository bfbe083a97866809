using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// Applies a batch of agent events to the cloud's state, each at most once in effect and in batch order, and
/// answers with a result per event once all of them are durable.
/// </summary>
/// <remarks>
/// <para>
/// The ledger (<see cref="IEventLedger"/>) is used only where applying an event twice could do harm, because
/// every ledger row is a billable write on the path of every message:
/// </para>
/// <list type="bullet">
/// <item>Status changes need none: they merge monotonically (<see cref="DestinationStatusMerge"/>), and the agent
/// posts each message's events in order and repeats one only until it is acknowledged, so a repeat never
/// follows a later event of its own message — it either changes nothing or is skipped as stale.</item>
/// <item>Except <c>failed</c> and <c>unknown</c>: an operator may replay that dead letter in the cloud (back to
/// <c>queued</c>), and a late repeat would then move it back to <c>failed</c> and make the replayed attempt's
/// events illegal. Those are checked before they are applied and marked after (as before; they are rare).</item>
/// <item>Heartbeats need none: the newest one wins.</item>
/// <item>Inbound SMS are stored insert-if-absent and then handed to listeners (the Telegram forward), which need
/// not be idempotent; see <see cref="ApplyInboundAsync"/> for the one ledger write they cost.</item>
/// </list>
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
            results.Add(@event switch
            {
                DestinationStatusChanged { Status: DestinationStatus.Failed or DestinationStatus.Unknown } change =>
                    await ApplyOnceAsync(agentId, change, () => ApplyStatusAsync(agentId, change, cancellationToken), cancellationToken),
                DestinationStatusChanged change => Result(change, await ApplyStatusAsync(agentId, change, cancellationToken)),
                InboundSmsReceived received => await ApplyInboundAsync(agentId, received, cancellationToken),
                AgentHeartbeat heartbeat => Result(heartbeat, await ApplyHeartbeatAsync(heartbeat, cancellationToken)),
                _ => Result(@event, "unknown event kind"),
            });
        }

        LogBatchApplied(logger, agentId, results.Count, results.Count(r => r.Outcome == AgentEventOutcome.Applied));
        return new AgentEventsResponse(results);
    }

    private static AgentEventResult Result(AgentEvent @event, string? skipReason) => skipReason is null
        ? new AgentEventResult(@event.EventId, AgentEventOutcome.Applied)
        : new AgentEventResult(@event.EventId, AgentEventOutcome.Skipped, skipReason);

    /// <summary>
    /// Checked before applying, marked after: marking first would lose the event if applying then failed, and a
    /// crash between applying and marking only applies it again on the agent's retry (moments later).
    /// </summary>
    private async Task<AgentEventResult> ApplyOnceAsync(string agentId, AgentEvent @event, Func<Task<string?>> apply, CancellationToken cancellationToken)
    {
        if (await ledger.HasAppliedAsync(agentId, @event.EventId, cancellationToken))
        {
            return new AgentEventResult(@event.EventId, AgentEventOutcome.Duplicate);
        }

        var skipReason = await apply();

        // Someone marked it between our check and now (the same batch delivered twice at once): theirs counts.
        return await ledger.TryMarkAppliedAsync(agentId, @event.EventId, cancellationToken)
            ? Result(@event, skipReason)
            : new AgentEventResult(@event.EventId, AgentEventOutcome.Duplicate);
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

    /// <summary>
    /// One ledger write per new SMS: the store's insert-if-absent is the duplicate check, and the ledger row,
    /// written only after every listener was told, records that the listeners ran. A repeat (the store has the
    /// SMS) therefore reads the ledger: a row means done; none means the earlier try stopped between storing and
    /// marking, so the listeners are told now. Marking before telling would lose the forward in that window; the
    /// price of this order is that a crash after telling and before marking tells them twice (the Telegram
    /// forward is keyed by message, so it still posts once).
    /// </summary>
    private async Task<AgentEventResult> ApplyInboundAsync(string agentId, InboundSmsReceived received, CancellationToken cancellationToken)
    {
        if (!await inbound.AddMessageAsync(received.Message, cancellationToken)
            && await ledger.HasAppliedAsync(agentId, received.EventId, cancellationToken))
        {
            return new AgentEventResult(received.EventId, AgentEventOutcome.Duplicate);
        }

        await NotifyInboundListenersAsync(received.Message, cancellationToken);
        return await ledger.TryMarkAppliedAsync(agentId, received.EventId, cancellationToken)
            ? new AgentEventResult(received.EventId, AgentEventOutcome.Applied)
            : new AgentEventResult(received.EventId, AgentEventOutcome.Duplicate);
    }

    private async Task NotifyInboundListenersAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        foreach (var listener in _inboundListeners)
        {
            try
            {
                await listener.OnInboundMessageAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The message is stored; a listener's trouble must not make the agent send it again.
                LogInboundListenerFailed(logger, listener.GetType().Name, message.Id, ex);
            }
        }
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

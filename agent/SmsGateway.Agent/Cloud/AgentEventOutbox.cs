using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Outbox;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// Puts events for the cloud in the durable outbox. Order matters per message (sending → sent → delivered)
/// and for inbound SMS, not across them, so each message has its own channel: one POST carries the oldest
/// event of many channels, and a message whose event the cloud refuses holds up no other.
/// </summary>
public sealed class AgentEventOutbox(
    IOutbox outbox,
    [FromKeyedServices(AgentEventOutbox.SignalKey)] WakeUpSignal signal,
    IOptions<CloudOptions> options,
    TimeProvider time)
{
    public const string ChannelPrefix = "agent-events:";

    /// <summary>The key of the <see cref="WakeUpSignal"/> that wakes the events drain service when an event is queued.</summary>
    public const string SignalKey = "agent-events";

    // The contract's own JSON (with the "kind" discriminator), stored as it will be sent.
    private static readonly JsonTypeInfo<AgentEvent> EventJson = (JsonTypeInfo<AgentEvent>)AgentJsonContext.Default.GetTypeInfo(typeof(AgentEvent))!;
    public const string InboundChannel = ChannelPrefix + "inbound";
    public const string HeartbeatChannel = ChannelPrefix + "heartbeat";

    public static string MessageChannel(string messageId) => ChannelPrefix + "message:" + messageId;

    public DateTimeOffset Now => time.GetUtcNow();

    public static string NewEventId(DateTimeOffset now) => Message.NewId(now);

    /// <summary>Stores <paramref name="agentEvent"/> in <paramref name="channel"/>; false when its dedupe key was there already.</summary>
    public Task<bool> EnqueueAsync(string channel, AgentEvent agentEvent, string? dedupeKey, CancellationToken cancellationToken) =>
        EnqueueAsync(channel, agentEvent, dedupeKey ?? agentEvent.EventId, agentEvent.OccurredAt, superseding: null, cancellationToken);

    /// <summary>
    /// Stores a destination's status change in its message's channel. A <c>sending</c> lingers for
    /// <c>Cloud:EventLinger</c>; any later status of the same destination replaces it if it is still lingering.
    /// The later event carries the destination's whole state (attempts, error, times) and the cloud walks a
    /// missed <c>sending</c> through, so nothing is lost: only an intermediate state the cloud never needed to see.
    /// The replacement is stored in the same transaction that settles the replaced one, so the newest status is
    /// always in the outbox; a <c>sending</c> already taken or tried (an outage) is never replaced and goes in order.
    /// </summary>
    public Task<bool> EnqueueStatusAsync(DestinationStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var channel = MessageChannel(change.MessageId);
        var lingerKeys = string.Create(CultureInfo.InvariantCulture, $"linger:{change.DestinationIndex}:");
        var linger = options.Value.EventLinger;
        if (change.Status == DestinationStatus.Sending && linger > TimeSpan.Zero)
        {
            return EnqueueAsync(channel, change, lingerKeys + change.EventId, change.OccurredAt + linger, superseding: null, cancellationToken);
        }

        return EnqueueAsync(channel, change, change.EventId, change.OccurredAt, superseding: lingerKeys, cancellationToken);
    }

    /// <summary>True when an event of <paramref name="channel"/> still waits for the cloud.</summary>
    public async Task<bool> HasPendingAsync(string channel, CancellationToken cancellationToken) =>
        (await outbox.ListPendingChannelsAsync(channel, 1, cancellationToken)).Any(c => c.Name == channel);

    private async Task<bool> EnqueueAsync(
        string channel, AgentEvent agentEvent, string dedupeKey, DateTimeOffset dueAt, string? superseding, CancellationToken cancellationToken)
    {
        var item = new OutboxItem(channel, dedupeKey, JsonSerializer.Serialize(agentEvent, EventJson), dueAt);
        var added = superseding is null
            ? await outbox.EnqueueAsync(item, cancellationToken)
            : await outbox.EnqueueSupersedingAsync(item, superseding, cancellationToken);
        if (added)
        {
            signal.Pulse();
        }

        return added;
    }
}

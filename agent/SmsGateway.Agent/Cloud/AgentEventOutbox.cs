using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmsGateway.Core.Agents;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Outbox;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// Puts events for the cloud in the durable outbox. Order matters per message (sending → sent → delivered)
/// and for inbound SMS, not across them, so each message has its own channel: one POST carries the oldest
/// event of many channels, and a message whose event the cloud refuses holds up no other.
/// </summary>
public sealed class AgentEventOutbox(IOutbox outbox, OutboxSignal signal, TimeProvider time)
{
    public const string ChannelPrefix = "agent-events:";

    // The contract's own JSON (with the "kind" discriminator), stored as it will be sent.
    private static readonly JsonTypeInfo<AgentEvent> EventJson = (JsonTypeInfo<AgentEvent>)AgentJsonContext.Default.GetTypeInfo(typeof(AgentEvent))!;
    public const string InboundChannel = ChannelPrefix + "inbound";
    public const string HeartbeatChannel = ChannelPrefix + "heartbeat";

    public static string MessageChannel(string messageId) => ChannelPrefix + "message:" + messageId;

    public DateTimeOffset Now => time.GetUtcNow();

    public static string NewEventId(DateTimeOffset now) => Message.NewId(now);

    /// <summary>Stores <paramref name="agentEvent"/> in <paramref name="channel"/>; false when its dedupe key was there already.</summary>
    public async Task<bool> EnqueueAsync(string channel, AgentEvent agentEvent, string? dedupeKey, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(agentEvent, EventJson);
        var added = await outbox.EnqueueAsync(new OutboxItem(channel, dedupeKey ?? agentEvent.EventId, payload, agentEvent.OccurredAt), cancellationToken);
        if (added)
        {
            signal.Pulse();
        }

        return added;
    }

    /// <summary>True when an event of <paramref name="channel"/> still waits for the cloud.</summary>
    public async Task<bool> HasPendingAsync(string channel, CancellationToken cancellationToken) =>
        (await outbox.ListPendingChannelsAsync(channel, 1, cancellationToken)).Any(c => c.Name == channel);
}

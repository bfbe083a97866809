using SmsGateway.Core.Domain;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// A destination of a cloud-accepted message moved at the agent. Carries the destination's state after
/// the move, so the cloud can apply it monotonically even when events arrive late or out of order.
/// </summary>
public sealed record DestinationStatusChanged : AgentEvent
{
    public const string Kind = "destination_status";

    public required string MessageId { get; init; }

    /// <summary>0-based index into the message's destinations.</summary>
    public required int DestinationIndex { get; init; }

    public required DestinationStatus Status { get; init; }

    /// <summary>Send attempts started so far; tells a retry (sending → queued) from a stale event.</summary>
    public int Attempts { get; init; }

    public string? Error { get; init; }

    /// <summary>The modem's message reference (TP-MR) of each part, in part order; null or empty when not known yet.</summary>
    /// <remarks>No <c>= []</c> default: source-generated JSON sets every init-only property, absent ones to null.</remarks>
    public IReadOnlyList<int>? PartReferences { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When the next attempt is due, for a destination back in the queue after a transient failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}

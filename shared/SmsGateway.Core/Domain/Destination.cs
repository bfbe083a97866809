namespace SmsGateway.Core.Domain;

/// <summary>
/// One recipient of a message and where its delivery stands. Immutable: every status change
/// returns a new instance, so a failed store update never leaves a half-changed object behind.
/// </summary>
public sealed record Destination
{
    public required DestinationKind Kind { get; init; }

    /// <summary>E.164 phone number for <see cref="DestinationKind.Sms"/>.</summary>
    public required string Address { get; init; }

    public DestinationStatus Status { get; init; } = DestinationStatus.Queued;

    /// <summary>Send attempts started so far (each "sending" counts one).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// Attempts made before the destination was last replayed from the dead letters: a replay
    /// grants a fresh retry budget while <see cref="Attempts"/> keeps counting every attempt.
    /// </summary>
    public int AttemptsBeforeReplay { get; init; }

    /// <summary>Attempts since the last replay; the retry limit applies to these.</summary>
    public int AttemptsInBudget => Attempts - AttemptsBeforeReplay;

    /// <summary>The last error, kept after a later success so operators can see what happened.</summary>
    public string? Error { get; init; }

    /// <summary>When the next attempt is due after a transient failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>
    /// The modem's message reference (TP-MR) of each part, in part order. Before <c>sent</c>, the parts that an
    /// interrupted multipart send already got confirmed: the next attempt resumes after them.
    /// </summary>
    public IReadOnlyList<int> PartReferences { get; init; } = [];

    /// <summary>
    /// The concatenation reference of a multipart send once its first attempt chose one, so that parts resent
    /// later join the parts the phone already has.
    /// </summary>
    public int? ConcatReference { get; init; }

    /// <summary>Indexes (0-based, ascending) of the parts whose delivery a status report confirmed.</summary>
    public IReadOnlyList<int> DeliveredParts { get; init; } = [];

    public static Destination Sms(string e164) => new() { Kind = DestinationKind.Sms, Address = e164 };

    /// <summary>Returns this destination moved to <paramref name="status"/>, or throws when the move is illegal.</summary>
    public Destination MoveTo(DestinationStatus status)
    {
        if (!StatusTransitions.IsAllowed(Status, status))
        {
            throw new InvalidStatusTransitionException(Status, status);
        }

        return this with { Status = status };
    }
}

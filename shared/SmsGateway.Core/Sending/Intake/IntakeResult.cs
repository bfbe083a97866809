using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Intake;

/// <summary>The answer of <see cref="MessageIntake.SubmitAsync"/>.</summary>
public sealed record IntakeResult
{
    public required IntakeOutcome Outcome { get; init; }

    /// <summary>The accepted (or replayed) message.</summary>
    public Message? Message { get; init; }

    /// <summary>Validation errors keyed by request field (<c>to</c>, <c>to[2]</c>, <c>text</c>, …).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>When the queue is full: how long the client should wait.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

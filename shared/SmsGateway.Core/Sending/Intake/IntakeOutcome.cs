namespace SmsGateway.Core.Sending.Intake;

/// <summary>How intake answered a send request.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored and queued now.</summary>
    Accepted,

    /// <summary>The same Idempotency-Key and request came before; the earlier message is returned.</summary>
    Replayed,

    /// <summary>The request is invalid; nothing was stored.</summary>
    Invalid,

    /// <summary>The Idempotency-Key was used before with a different request.</summary>
    KeyReused,

    /// <summary>The queue is full; nothing was stored.</summary>
    QueueFull,

    /// <summary>A destination had its hourly share of SMS (see <c>Sms:PerDestinationPerHour</c>); nothing was stored.</summary>
    RateLimited,
}

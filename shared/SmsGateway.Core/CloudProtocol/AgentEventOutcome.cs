namespace SmsGateway.Core.CloudProtocol;

/// <summary>What became of one event; each is final, so the agent removes the event from its outbox.</summary>
public enum AgentEventOutcome
{
    /// <summary>Applied now.</summary>
    Applied,

    /// <summary>Applied before (same event id); nothing changed.</summary>
    Duplicate,

    /// <summary>Recorded but without effect: stale, an illegal move, or an unknown message (see the detail).</summary>
    Skipped,
}

namespace SmsGateway.Core.CloudProtocol;

/// <summary>The result of one event of a batch.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Detail">Why it was skipped; null otherwise.</param>
public sealed record AgentEventResult(string EventId, AgentEventOutcome Outcome, string? Detail = null);

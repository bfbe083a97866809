namespace SmsGateway.Core.CloudProtocol;

/// <summary>The 200 answer to a batch: one result per event, in the batch's order, all durable.</summary>
public sealed record AgentEventsResponse(IReadOnlyList<AgentEventResult> Results);

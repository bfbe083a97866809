namespace SmsGateway.Agent.Webhooks;

/// <summary>What <c>webhooks replay</c> printed: the event ids due again, and those the endpoint never had.</summary>
public sealed record WebhookReplayOutput(IReadOnlyList<string> Replayed, IReadOnlyList<string> NotFound);

namespace SmsGateway.Agent.DeadLetters;

/// <summary>What <c>deadletters replay</c> printed: the item ids put back in the queue, and those not found.</summary>
public sealed record DeadLetterReplayOutput(IReadOnlyList<string> Replayed, IReadOnlyList<string> NotFound);

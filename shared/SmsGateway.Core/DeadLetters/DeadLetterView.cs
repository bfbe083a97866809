namespace SmsGateway.Core.DeadLetters;

/// <summary>A dead-lettered destination as operators see it: why, after how many attempts, and the last error.</summary>
public sealed record DeadLetterView(
    string ItemId,
    string MessageId,
    int DestinationIndex,
    string To,
    string Reason,
    string Description,
    int Attempts,
    string? LastError,
    DateTimeOffset DeadLetteredAt);

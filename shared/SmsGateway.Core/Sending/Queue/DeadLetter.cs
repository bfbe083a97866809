namespace SmsGateway.Core.Sending.Queue;

/// <summary>An item the queue gave up on, with the reason.</summary>
public sealed record DeadLetter(
    string ItemId,
    QueueItem Message,
    string Reason,
    string Description,
    int DeliveryCount,
    DateTimeOffset DeadLetteredAt);

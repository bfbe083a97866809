using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Sending.DeadLetters;

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
    DateTimeOffset DeadLetteredAt)
{
    /// <summary>
    /// The view of <paramref name="letter"/>; attempts and the last error come from the store's
    /// <paramref name="destination"/> when there is one, else the queue's delivery count stands in.
    /// </summary>
    public static DeadLetterView Of(DeadLetter letter, Destination? destination) => new(
        letter.ItemId,
        letter.Message.MessageId,
        letter.Message.DestinationIndex,
        letter.Message.To,
        letter.Reason,
        letter.Description,
        destination?.Attempts ?? letter.DeliveryCount,
        destination?.Error,
        letter.DeadLetteredAt);
}

namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// What <see cref="IMessageStore.CreateAsync"/> did: created the message, or found the idempotency
/// key already claimed by <see cref="ExistingMessageId"/> with <see cref="ExistingRequestHash"/>.
/// </summary>
public sealed record CreateOutcome(bool Created, string? ExistingMessageId, string? ExistingRequestHash)
{
    public static CreateOutcome New { get; } = new(true, null, null);

    public static CreateOutcome Duplicate(string messageId, string requestHash) => new(false, messageId, requestHash);
}

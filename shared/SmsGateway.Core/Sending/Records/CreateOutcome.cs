namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// What <see cref="IMessageStore.CreateAsync"/> did: <see cref="Stored"/> the message, or found its idempotency key
/// already <see cref="KeyClaimed"/> by an earlier message.
/// </summary>
public abstract partial record CreateOutcome
{
    private protected CreateOutcome()
    {
    }

    public static CreateOutcome New { get; } = new Stored();

    public static CreateOutcome Duplicate(string messageId, string requestHash) => new KeyClaimed(messageId, requestHash);

    /// <summary>True when the message was stored now.</summary>
    public bool Created => this is Stored;
}

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// The payload of a Telegram outbox item. Answers about an SMS carry its id, not its status: the text is
/// made when the item is delivered, so a delayed answer never shows an old status.
/// </summary>
public sealed record TelegramPost
{
    /// <summary>Format version of the payload, for readers of items written by an older gateway.</summary>
    public int Version { get; init; } = 1;

    public required TelegramPostKind Kind { get; init; }

    public required long ChatId { get; init; }

    /// <summary>The text of a <see cref="TelegramPostKind.Text"/> or <see cref="TelegramPostKind.Forward"/>.</summary>
    public string? Text { get; init; }

    /// <summary>The chat message this one answers (shown as a reply when it still exists).</summary>
    public long? ReplyToMessageId { get; init; }

    /// <summary>For a forward: the SMS sender that a reply will answer.</summary>
    public string? Sender { get; init; }

    /// <summary>For a forward: the inbound message shown.</summary>
    public string? InboundMessageId { get; init; }

    /// <summary>For an answer or its edit: the SMS whose status is shown.</summary>
    public string? SmsMessageId { get; init; }

    /// <summary>For an answer or its edit: the key the answer post is remembered under.</summary>
    public string? PostKey { get; init; }
}

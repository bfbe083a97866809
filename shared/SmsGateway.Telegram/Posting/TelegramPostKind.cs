namespace SmsGateway.Telegram.Posting;

/// <summary>What an outbox item asks the Bot API to do.</summary>
public enum TelegramPostKind
{
    /// <summary>A plain answer (help, errors, refusals).</summary>
    Text,

    /// <summary>An inbound SMS (or one chunk of it); remembered so that a reply can answer its sender.</summary>
    Forward,

    /// <summary>The answer to a send request, showing the SMS's current status; remembered so it can be edited.</summary>
    SmsAnswer,

    /// <summary>Brings an <see cref="SmsAnswer"/> up to date after the SMS's status changed.</summary>
    SmsStatusEdit,
}

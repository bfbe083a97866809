namespace SmsGateway.Telegram.Updates;

/// <summary>How a webhook call was answered.</summary>
public enum WebhookOutcome
{
    /// <summary>Missing or wrong secret: 401, the body was not read.</summary>
    Unauthorized,

    /// <summary>Not an update: 400.</summary>
    Malformed,

    /// <summary>Recorded now: 200.</summary>
    Recorded,

    /// <summary>Recorded before: 200, so Telegram stops repeating it.</summary>
    Duplicate,

    /// <summary>The inbox is full (<c>Telegram:InboxCapacity</c>): 503, the body was not read; Telegram repeats the update later.</summary>
    Full,
}

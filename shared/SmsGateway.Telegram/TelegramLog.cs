using Microsoft.Extensions.Logging;

namespace SmsGateway.Telegram;

/// <summary>
/// The bridge's log messages. Phone numbers are masked by the callers; SMS and chat texts are never
/// logged; error descriptions come from <see cref="Bot.TelegramConnection.Describe"/>, which removes the token,
/// and exceptions are never passed to the logger whole (their messages could carry a Bot API URL).
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Telegram bridge: receiving updates by {Mode}; forwarding inbound SMS to {ChatCount} chat(s)")]
    public static partial void BridgeStarted(ILogger logger, string mode, int chatCount);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Telegram:ChatIds is empty: inbound SMS are not forwarded. Message the bot; its answer tells the chat id to configure")]
    public static partial void NoChats(ILogger logger);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Telegram webhook registered with the Bot API")]
    public static partial void WebhookRegistered(ILogger logger);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Telegram call {Method} failed; trying again in {DelayMs:F0} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, double delayMs, string error);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Debug, Message = "Recorded Telegram update {UpdateId}")]
    public static partial void UpdateRecorded(ILogger logger, long updateId);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Telegram update {UpdateId} was recorded before; ignored")]
    public static partial void DuplicateUpdate(ILogger logger, long updateId);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "Telegram webhook call refused: missing or wrong secret token")]
    public static partial void WebhookUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} cannot be read; skipped: {Error}")]
    public static partial void UnreadableUpdate(ILogger logger, long updateId, string error);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Warning, Message = "Handling Telegram update {UpdateId} failed (attempt {Attempt}); trying again: {Error}")]
    public static partial void UpdateFailed(ILogger logger, long updateId, int attempt, string error);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Error, Message = "Handling Telegram update {UpdateId} failed {Attempts} times; skipped: {Error}")]
    public static partial void UpdateAbandoned(ILogger logger, long updateId, int attempts, string error);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "Chat {ChatId} is not in Telegram:AllowedChatIds; nothing done")]
    public static partial void ChatNotAllowed(ILogger logger, long chatId);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Information, Message = "Telegram chat {ChatId} asked to send SMS {MessageId} to {To}: {Outcome}")]
    public static partial void SmsRequested(ILogger logger, long chatId, string? messageId, string to, string outcome);

    [LoggerMessage(EventId = 7030, Level = LogLevel.Debug, Message = "Telegram {Kind} to chat {ChatId} delivered (outbox item {ItemId})")]
    public static partial void Delivered(ILogger logger, string kind, long chatId, string itemId);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Warning, Message = "Telegram asked to wait {RetryAfterSeconds} s (429); chat {ChatId} and all sends pause")]
    public static partial void RateLimited(ILogger logger, int retryAfterSeconds, long chatId);

    [LoggerMessage(EventId = 7032, Level = LogLevel.Warning, Message = "Telegram {Kind} to chat {ChatId} failed (attempt {Attempt}); retrying in {DelayMs:F0} ms: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string kind, long chatId, int attempt, double delayMs, string error);

    [LoggerMessage(EventId = 7033, Level = LogLevel.Error, Message = "Telegram {Kind} to chat {ChatId} set aside after {Attempts} rejected attempt(s) (outbox item {ItemId}): {Error}")]
    public static partial void DeliveryAbandoned(ILogger logger, string kind, long chatId, int attempts, string itemId, string error);

    [LoggerMessage(EventId = 7034, Level = LogLevel.Information, Message = "Queued inbound message {MessageId} from {Sender} for {ChatCount} Telegram chat(s) in {Chunks} message(s)")]
    public static partial void ForwardQueued(ILogger logger, string messageId, string sender, int chatCount, int chunks);

    [LoggerMessage(EventId = 7040, Level = LogLevel.Error, Message = "The Telegram {Worker} failed; continuing after a pause: {Error}")]
    public static partial void WorkerFailed(ILogger logger, string worker, string error);

    [LoggerMessage(EventId = 7050, Level = LogLevel.Warning, Message = "Telegram outbox full ({Pending} of {Capacity} posts waiting): new posts are dropped until Telegram takes some; received SMS stay in /api/inbound")]
    public static partial void OutboxFull(ILogger logger, int pending, int capacity);

    [LoggerMessage(EventId = 7051, Level = LogLevel.Debug, Message = "Telegram {Kind} to chat {ChatId} dropped: the outbox is full")]
    public static partial void PostDropped(ILogger logger, string kind, long chatId);

    [LoggerMessage(EventId = 7052, Level = LogLevel.Information, Message = "Telegram outbox has room again; chat {ChatId} is told that {Count} post(s) were dropped")]
    public static partial void DropNoticeQueued(ILogger logger, long chatId, int count);

    [LoggerMessage(EventId = 7053, Level = LogLevel.Warning, Message = "Telegram inbox full ({Pending} of {Capacity} updates waiting): no updates are taken until some are acted on")]
    public static partial void InboxFull(ILogger logger, int pending, int capacity);
}

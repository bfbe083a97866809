using System.Globalization;

namespace SmsGateway.Telegram.Configuration;

/// <summary>The Telegram bridge (section <c>Telegram</c>); without a <see cref="BotToken"/> the bridge is off.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    public const string PublicApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token BotFather gave. A secret: never logged, never shown in errors.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API server; tests and self-hosted Bot API servers override it.</summary>
    public string ApiBaseUrl { get; set; } = PublicApiBaseUrl;

    /// <summary>Chats that receive every inbound SMS.</summary>
    public long[] ChatIds { get; set; } = [];

    /// <summary>Chats whose messages the bot acts on; when empty, the <see cref="ChatIds"/>.</summary>
    public long[] AllowedChatIds { get; set; } = [];

    /// <summary>The secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> with each webhook call.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The public HTTPS address of <c>/api/telegram/webhook</c>; setting it selects webhook mode.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary><c>polling</c>, <c>webhook</c> or <c>off</c>; by default webhook when <see cref="WebhookUrl"/> is set, else polling.</summary>
    public TelegramMode? Mode { get; set; }

    /// <summary>How long one <c>getUpdates</c> call waits for updates (Telegram allows up to 50 s).</summary>
    public int PollingTimeoutSeconds { get; set; } = 50;

    /// <summary>How long one Bot API call may take before it counts as failed (on top of the polling timeout for <c>getUpdates</c>).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Telegram allows about one message per second in a chat.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Telegram allows about 30 messages per second over all chats.</summary>
    public int MaxMessagesPerSecond { get; set; } = 30;

    /// <summary>First retry delay after a failed Bot API call; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a message Telegram rejects as invalid (400/403/404) is tried before it is set aside.</summary>
    public int MaxAttemptsWhenRejected { get; set; } = 5;

    /// <summary>A chat that is not allowed is told so at most once in this interval.</summary>
    public TimeSpan RefusalInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// At most this many posts wait in the outbox for Telegram (over all chats). While Telegram cannot be reached the
    /// forwards pile up; past this, new posts are dropped (counted, and the chat is told how many once there is
    /// room again). Received SMS stay in the gateway's inbound store either way.
    /// </summary>
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>
    /// At most this many received updates wait to be acted on. Past this, long polling stops fetching and the
    /// webhook answers 503, so the updates wait on Telegram's side (it keeps them for 24 hours) instead of here.
    /// </summary>
    public int InboxCapacity { get; set; } = 1_000;

    /// <summary>The mode in force, after the defaults.</summary>
    public TelegramMode EffectiveMode => ResolveMode(Mode, WebhookUrl);

    /// <summary>True when the bridge runs: a token is set and the mode is not off.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken) && EffectiveMode != TelegramMode.Off;

    public IReadOnlyCollection<long> EffectiveAllowedChatIds => AllowedChatIds.Length > 0 ? AllowedChatIds : ChatIds;

    /// <summary>The bot's id, the digits before the colon of the token (not secret); 0 without a token.</summary>
    public long BotId =>
        BotToken?.Split(':')[0] is { } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    public static TelegramMode ResolveMode(TelegramMode? mode, string? webhookUrl) =>
        mode ?? (string.IsNullOrWhiteSpace(webhookUrl) ? TelegramMode.Polling : TelegramMode.Webhook);
}

namespace SmsGateway.Telegram.Configuration;

/// <summary>How the bridge receives updates from Telegram (<c>Telegram:Mode</c>).</summary>
public enum TelegramMode
{
    /// <summary>Long polling with <c>getUpdates</c>: works behind NAT, without a public HTTPS address.</summary>
    Polling,

    /// <summary>Telegram posts updates to <c>Telegram:WebhookUrl</c>; the gateway registers it with <c>setWebhook</c>.</summary>
    Webhook,

    /// <summary>No bridge, even with a token.</summary>
    Off,
}

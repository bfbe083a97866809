using System.Globalization;

namespace SmsGateway.Telegram.Formatting;

/// <summary>
/// What a message sent from Telegram keeps in <c>Message.OriginContext</c>: <c>telegram:&lt;chatId&gt;:&lt;messageId&gt;</c>,
/// the chat and the user's request message. The bot's answer is found from it by <see cref="AnswerKey"/>:
/// the answer's own id is only known once Telegram has taken it, long after intake stored the message.
/// </summary>
public static class TelegramOrigin
{
    private const string Prefix = "telegram:";

    public static string Format(long chatId, long requestMessageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{chatId}:{requestMessageId}");

    public static bool TryParse(string? context, out long chatId, out long requestMessageId)
    {
        chatId = 0;
        requestMessageId = 0;
        if (context is null || !context.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = context[Prefix.Length..].Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out requestMessageId);
    }

    /// <summary>The key the answer to request <paramref name="requestMessageId"/> in <paramref name="chatId"/> is saved under.</summary>
    public static string AnswerKey(long chatId, long requestMessageId) =>
        string.Create(CultureInfo.InvariantCulture, $"answer:{chatId}:{requestMessageId}");
}

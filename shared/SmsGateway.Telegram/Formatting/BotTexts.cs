using System.Globalization;

namespace SmsGateway.Telegram.Formatting;

/// <summary>What the bot says, in one place.</summary>
public static class BotTexts
{
    public const string Help =
        "I forward the SMS this gateway receives and send SMS for you.\n\n" +
        "• Reply to a forwarded SMS to answer its sender by SMS.\n" +
        "• /sms <number> <text> sends an SMS to any number, e.g. /sms +4915112345678 Hello\n" +
        "• /status shows the modem, the signal, the queue and recent failures.\n" +
        "• /help shows this text.\n\n" +
        "Photos and documents are sent as their caption; without a caption there is nothing to send.";

    public const string SmsUsage = "Usage: /sms <number> <text>, e.g. /sms +4915112345678 Hello";

    public const string NoText = "🚫 Only text can be sent by SMS. Add a caption to send it as the SMS text.";

    public const string NotAForward = "↩️ That message is not a forwarded SMS, so I don't know whom to answer. Reply to a forwarded SMS, or use /sms <number> <text>.";

    public const string EditsNotSent = "✏️ Edited messages are not sent: an SMS cannot be changed. Send a new message instead.";

    public const string NotACommand = "To send an SMS, reply to a forwarded SMS or use /sms <number> <text>. /help lists what I can do.";

    public const string UnknownCommand = "I don't know that command. /help lists what I can do.";

    public static string Refusal(long chatId) => string.Create(
        CultureInfo.InvariantCulture,
        $"Sorry, this chat may not use this SMS gateway. If you run the gateway, add {chatId} to Telegram:AllowedChatIds (or Telegram:ChatIds).");

    public static string QueueFull(TimeSpan retryAfter) => string.Create(
        CultureInfo.InvariantCulture,
        $"⏳ Not sent: the gateway's queue is full. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.");

    public static string Dropped(int count) => string.Create(
        CultureInfo.InvariantCulture,
        $"⚠️ {count} message(s) for this chat were dropped while Telegram could not be reached and the gateway's outbox was full. Received SMS are kept by the gateway: GET /api/inbound lists them.");

    public static string Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        var lines = errors.SelectMany(e => e.Value.Select(message => $"• {Field(e.Key)}: {message}"));
        return "❌ Not sent:\n" + string.Join('\n', lines);
    }

    private static string Field(string key) => key.StartsWith("to", StringComparison.Ordinal) ? "number" : key;
}

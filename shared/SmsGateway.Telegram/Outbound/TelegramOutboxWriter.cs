using System.Globalization;
using System.Text.Json;
using SmsGateway.Core.Outbox;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Telegram.Outbound;

/// <summary>Puts Telegram posts in the durable outbox, one channel per chat, and wakes the dispatcher.</summary>
public sealed class TelegramOutboxWriter(IOutbox outbox, TelegramSignals signals, TimeProvider time)
{
    public const string ChannelPrefix = "telegram:";

    public static string Channel(long chatId) => ChannelPrefix + chatId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseChannel(string channel, out long chatId) =>
        long.TryParse(channel.AsSpan(ChannelPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);

    /// <summary>Enqueues <paramref name="post"/>; false when the chat already had <paramref name="dedupeKey"/>.</summary>
    public async Task<bool> EnqueueAsync(TelegramPost post, string dedupeKey, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(post, TelegramJsonContext.Default.TelegramPost);
        var added = await outbox.EnqueueAsync(new OutboxItem(Channel(post.ChatId), dedupeKey, payload, time.GetUtcNow()), cancellationToken);
        if (added)
        {
            signals.Outbox.Pulse();
        }

        return added;
    }

    public Task<bool> EnqueueTextAsync(long chatId, string text, long? replyTo, string dedupeKey, CancellationToken cancellationToken) =>
        EnqueueAsync(new TelegramPost { Kind = TelegramPostKind.Text, ChatId = chatId, Text = text, ReplyToMessageId = replyTo }, dedupeKey, cancellationToken);
}

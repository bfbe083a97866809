using System.Globalization;
using System.Text;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Telegram.Formatting;

/// <summary>Turns an inbound SMS into Telegram messages: sender, sent time and text, split at Telegram's size limit.</summary>
public static class ForwardFormatter
{
    /// <summary>Telegram's limit on a message's text, counted in UTF-16 code units (as <see cref="string.Length"/>).</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Room kept for the "(continued 2/3)" header of later chunks.</summary>
    private const int ContinuationRoom = 120;

    public static IReadOnlyList<string> Format(InboundMessage message, int maxLength = MaxMessageLength)
    {
        var sender = PhoneFormatter.Format(message.Sender);
        var header = new StringBuilder()
            .Append("📩 SMS from ").Append(sender).Append('\n')
            .Append("🕒 ").Append(message.SentAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture));
        if (message.FragmentOf is not null)
        {
            header.Append("\n⚠️ A late part of an earlier message that was shown incomplete.");
        }
        else if (!message.Complete)
        {
            header.Append(CultureInfo.InvariantCulture, $"\n⚠️ Incomplete: part(s) {string.Join(", ", message.MissingParts)} of {message.Parts} did not arrive.");
        }

        if (message.Truncated)
        {
            header.Append("\n⚠️ Cut short: the network delivered less text than the SMS announced.");
        }

        header.Append("\n\n");
        if (header.Length + message.Text.Length <= maxLength)
        {
            return [header + message.Text];
        }

        var chunks = Split(message.Text, maxLength - Math.Max(header.Length, ContinuationRoom));
        var result = new List<string>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var prefix = i == 0
                ? header.ToString().Replace("\n\n", $" (1/{chunks.Count})\n\n", StringComparison.Ordinal)
                : $"📩 SMS from {sender} (continued {i + 1}/{chunks.Count})\n\n";
            result.Add(prefix + chunks[i]);
        }

        return result;
    }

    /// <summary>Cuts <paramref name="text"/> into pieces of at most <paramref name="size"/>, preferably after a line break or space, never inside a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int size)
    {
        var pieces = new List<string>();
        var start = 0;
        while (text.Length - start > size)
        {
            var end = start + size;
            var searchFrom = end - (size / 10);
            var cut = text.LastIndexOfAny(['\n', ' '], end - 1, end - searchFrom);
            end = cut > start ? cut + 1 : end;
            if (char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            pieces.Add(text[start..end]);
            start = end;
        }

        pieces.Add(text[start..]);
        return pieces;
    }
}

using System.Text;
using SmsGateway.Core.Domain;

namespace SmsGateway.Telegram.Formatting;

/// <summary>The bot's answer to a send request: the message id and where each destination stands now.</summary>
public static class SmsAnswerFormatter
{
    public static string Format(Message? message, string messageId)
    {
        if (message is null)
        {
            return $"📤 SMS {messageId}: not found.";
        }

        var text = new StringBuilder().Append("📤 SMS ").Append(message.Id);
        foreach (var destination in message.Destinations)
        {
            text.Append("\nTo ").Append(PhoneFormatter.Format(destination.Address)).Append(": ").Append(Describe(destination.Status));
            if (destination.Status is DestinationStatus.Failed or DestinationStatus.Undelivered or DestinationStatus.Unknown && destination.Error is { Length: > 0 } error)
            {
                text.Append(" — ").Append(error);
            }
        }

        return text.ToString();
    }

    public static string Describe(DestinationStatus status) => status switch
    {
        DestinationStatus.Queued => "⏳ queued",
        DestinationStatus.Sending => "📡 sending",
        DestinationStatus.Sent => "✅ sent",
        DestinationStatus.Delivered => "✅✅ delivered",
        DestinationStatus.Undelivered => "⚠️ not delivered",
        DestinationStatus.Unknown => "❓ unknown",
        _ => "❌ failed",
    };
}

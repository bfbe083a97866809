using System.Globalization;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Telegram.Formatting;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// When an SMS sent from Telegram is sent, delivered or fails, queues an edit of the bot's answer so the
/// chat sees the new status. The edit goes through the outbox like every other call to Telegram.
/// </summary>
public sealed class TelegramStatusListener(TelegramOutboxWriter outbox) : IDestinationStatusListener
{
    public async Task OnDestinationStatusChangedAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken)
    {
        var destination = message.Destinations[index];
        if (message.Origin != MessageOrigin.Telegram
            || destination.Status is DestinationStatus.Queued or DestinationStatus.Sending
            || !TelegramOrigin.TryParse(message.OriginContext, out var chatId, out var requestMessageId))
        {
            return;
        }

        var post = new TelegramPost
        {
            Kind = TelegramPostKind.SmsStatusEdit,
            ChatId = chatId,
            SmsMessageId = message.Id,
            PostKey = TelegramOrigin.AnswerKey(chatId, requestMessageId),
        };

        // Attempts in the key: a dead letter replayed later reaches "sent" again and deserves its own edit.
        var key = string.Create(CultureInfo.InvariantCulture, $"status:{message.Id}:{index}:{destination.Status}:{destination.Attempts}");
        await outbox.EnqueueAsync(post, key, cancellationToken);
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Phone;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Formatting;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// Puts every stored inbound SMS in the outbox of each chat in <c>Telegram:ChatIds</c>. Only local writes
/// happen here (the modem waits for listeners); the dispatcher sends later and retries as long as needed.
/// </summary>
public sealed class TelegramInboundForwarder(
    TelegramOutboxWriter outbox,
    IOptions<TelegramOptions> options,
    ILogger<TelegramInboundForwarder> logger) : IInboundMessageListener
{
    public async Task OnInboundMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var chats = options.Value.ChatIds;
        if (chats.Length == 0)
        {
            return;
        }

        var chunks = ForwardFormatter.Format(message);
        foreach (var chatId in chats)
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var post = new TelegramPost
                {
                    Kind = TelegramPostKind.Forward,
                    ChatId = chatId,
                    Text = chunks[i],
                    Sender = message.Sender,
                    InboundMessageId = message.Id,
                };

                // Keyed by message and chunk: a listener called again for the same message adds nothing.
                await outbox.EnqueueAsync(post, string.Create(CultureInfo.InvariantCulture, $"inbound:{message.Id}:{i}"), cancellationToken);
            }
        }

        TelegramLog.ForwardQueued(logger, message.Id, PhoneMask.Mask(message.Sender), chats.Length, chunks.Count);
    }
}

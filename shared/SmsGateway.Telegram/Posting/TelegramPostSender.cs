using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Formatting;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// Makes the Bot API call one outbox item asks for and remembers what a later step needs (which chat
/// message shows which SMS sender, which message is the answer to edit). Throws on any failure; the
/// dispatcher decides about retries.
/// </summary>
public sealed class TelegramPostSender(TelegramConnection connection, IChatBridgeStore bridge, IMessageStore messages)
{
    public async Task SendAsync(TelegramPost post, CancellationToken cancellationToken)
    {
        switch (post.Kind)
        {
            case TelegramPostKind.Forward:
                var forwarded = await SendMessageAsync(post.ChatId, post.Text!, post.ReplyToMessageId, cancellationToken);
                await bridge.SaveForwardAsync(new ForwardedSms(post.ChatId, forwarded.Id, post.Sender!, post.InboundMessageId!), cancellationToken);
                break;
            case TelegramPostKind.SmsAnswer:
                var text = await RenderAnswerAsync(post.SmsMessageId!, cancellationToken);
                var answer = await SendMessageAsync(post.ChatId, text, post.ReplyToMessageId, cancellationToken);
                await bridge.SavePostAsync(new ChatPost(post.PostKey!, post.ChatId, answer.Id, text), cancellationToken);
                break;
            case TelegramPostKind.SmsStatusEdit:
                await EditAnswerAsync(post, cancellationToken);
                break;
            default:
                await SendMessageAsync(post.ChatId, post.Text!, post.ReplyToMessageId, cancellationToken);
                break;
        }
    }

    private async Task EditAnswerAsync(TelegramPost post, CancellationToken cancellationToken)
    {
        // No answer yet means it is still in this chat's outbox; it is rendered when sent, so it will show this status.
        if (await bridge.FindPostAsync(post.PostKey!, cancellationToken) is not { } answer)
        {
            return;
        }

        var text = await RenderAnswerAsync(post.SmsMessageId!, cancellationToken);
        if (text == answer.Text)
        {
            return;
        }

        await connection.Client.EditMessageText(answer.ChatId, checked((int)answer.MessageId), text, cancellationToken: cancellationToken);
        await bridge.SavePostAsync(answer with { Text = text }, cancellationToken);
    }

    private async Task<string> RenderAnswerAsync(string messageId, CancellationToken cancellationToken)
    {
        var stored = await messages.GetAsync(messageId, cancellationToken);
        return SmsAnswerFormatter.Format(stored?.Message, messageId);
    }

    private Task<Message> SendMessageAsync(long chatId, string text, long? replyTo, CancellationToken cancellationToken) =>
        connection.Client.SendMessage(
            chatId,
            text,
            replyParameters: replyTo is { } id ? new ReplyParameters { MessageId = checked((int)id), AllowSendingWithoutReply = true } : null,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
            cancellationToken: cancellationToken);
}

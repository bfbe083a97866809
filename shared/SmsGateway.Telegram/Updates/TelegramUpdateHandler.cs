using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Phone;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Posting;
using Telegram.Bot.Types;
using MessageOrigin = SmsGateway.Core.Domain.MessageOrigin;

namespace SmsGateway.Telegram.Updates;

/// <summary>
/// The one update handler, for webhook and polling and for every host. It never calls Telegram itself:
/// its answers go to the outbox keyed by the update id, and SMS go through <see cref="MessageIntake"/>
/// with the update id as Idempotency-Key, so handling an update twice has the effect of handling it once.
/// </summary>
public sealed class TelegramUpdateHandler
{
    private readonly MessageIntake _intake;
    private readonly IChatBridgeStore _bridge;
    private readonly TelegramOutboxWriter _outbox;
    private readonly GatewayStatusReport _status;
    private readonly TelegramOptions _options;
    private readonly HashSet<long> _allowed;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramUpdateHandler> _logger;

    public TelegramUpdateHandler(
        MessageIntake intake,
        IChatBridgeStore bridge,
        TelegramOutboxWriter outbox,
        GatewayStatusReport status,
        IOptions<TelegramOptions> options,
        TimeProvider time,
        ILogger<TelegramUpdateHandler> logger)
    {
        _intake = intake;
        _bridge = bridge;
        _outbox = outbox;
        _status = status;
        _options = options.Value;
        _allowed = [.. _options.EffectiveAllowedChatIds];
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var message = update.Message ?? update.EditedMessage;
        if (message is null)
        {
            // Only messages are asked for (allowed_updates); anything else is not ours to act on.
            return;
        }

        var context = new UpdateContext(update.Id, message);
        if (!_allowed.Contains(message.Chat.Id))
        {
            await RefuseAsync(context, cancellationToken);
            return;
        }

        if (update.EditedMessage is not null)
        {
            await AnswerAsync(context, BotTexts.EditsNotSent, cancellationToken);
            return;
        }

        var text = message.Text ?? message.Caption;
        var command = BotCommand.Parse(text);
        if (command is null && message.ReplyToMessage is { } original)
        {
            await HandleReplyAsync(context, original, text, cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            if (HasMedia(message))
            {
                await AnswerAsync(context, BotTexts.NoText, cancellationToken);
            }

            // Service messages (members joining, pinned messages) need no answer.
            return;
        }

        switch (command?.Name)
        {
            case "sms":
                await HandleSmsCommandAsync(context, command, cancellationToken);
                break;
            case "status":
                await AnswerAsync(context, await _status.BuildAsync(cancellationToken), cancellationToken);
                break;
            case "help" or "start":
                await AnswerAsync(context, BotTexts.Help, cancellationToken);
                break;
            case null:
                await AnswerAsync(context, BotTexts.NotACommand, cancellationToken);
                break;
            default:
                await AnswerAsync(context, BotTexts.UnknownCommand, cancellationToken);
                break;
        }
    }

    private async Task HandleReplyAsync(UpdateContext context, Message original, string? text, CancellationToken cancellationToken)
    {
        var forward = await _bridge.FindForwardAsync(context.ChatId, original.Id, cancellationToken);
        if (forward is null)
        {
            await AnswerAsync(context, BotTexts.NotAForward, cancellationToken);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            await AnswerAsync(context, BotTexts.NoText, cancellationToken);
        }
        else
        {
            await SendSmsAsync(context, forward.Sender, text, cancellationToken);
        }
    }

    private async Task HandleSmsCommandAsync(UpdateContext context, BotCommand command, CancellationToken cancellationToken)
    {
        if (!command.TrySplitNumber(out var number, out var text))
        {
            await AnswerAsync(context, BotTexts.SmsUsage, cancellationToken);
            return;
        }

        await SendSmsAsync(context, number, text, cancellationToken);
    }

    private async Task SendSmsAsync(UpdateContext context, string to, string text, CancellationToken cancellationToken)
    {
        var command = new SendMessageCommand(
            [to],
            text,
            IdempotencyKey: string.Create(CultureInfo.InvariantCulture, $"telegram:{_options.BotId}:{context.UpdateId}"),
            Origin: MessageOrigin.Telegram,
            OriginContext: TelegramOrigin.Format(context.ChatId, context.MessageId));
        var result = await _intake.SubmitAsync(command, cancellationToken);
        var accepted = result switch
        {
            IntakeResult.Accepted a => a.Message,
            IntakeResult.Replayed r => r.Message,
            _ => null,
        };
        TelegramLog.SmsRequested(_logger, context.ChatId, accepted?.Id, PhoneMask.Mask(to), result.Outcome);
        switch (result)
        {
            case IntakeResult.Accepted or IntakeResult.Replayed when accepted is not null:
                var answer = new TelegramPost
                {
                    Kind = TelegramPostKind.SmsAnswer,
                    ChatId = context.ChatId,
                    ReplyToMessageId = context.MessageId,
                    SmsMessageId = accepted.Id,
                    PostKey = TelegramOrigin.AnswerKey(context.ChatId, context.MessageId),
                };
                await _outbox.EnqueueAsync(answer, context.DedupeKey, cancellationToken);
                break;
            case IntakeResult.Invalid { Errors: { Count: > 0 } errors }:
                await AnswerAsync(context, BotTexts.Invalid(errors), cancellationToken);
                break;
            case IntakeResult.RateLimited { Errors: { Count: > 0 } errors }:
                await AnswerAsync(context, BotTexts.Invalid(errors), cancellationToken);
                break;
            case IntakeResult.QueueFull full:
                await AnswerAsync(context, BotTexts.QueueFull(full.RetryAfter), cancellationToken);
                break;
            default:
                await AnswerAsync(context, "❌ Not sent: this request clashes with an earlier one.", cancellationToken);
                break;
        }
    }

    private async Task RefuseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        TelegramLog.ChatNotAllowed(_logger, context.ChatId);
        if (await _bridge.TryStartRefusalAsync(context.ChatId, _time.GetUtcNow(), _options.RefusalInterval, cancellationToken))
        {
            await _outbox.EnqueueTextAsync(context.ChatId, BotTexts.Refusal(context.ChatId), null, context.DedupeKey, cancellationToken);
        }
    }

    private Task AnswerAsync(UpdateContext context, string text, CancellationToken cancellationToken) =>
        _outbox.EnqueueTextAsync(context.ChatId, text, context.MessageId, context.DedupeKey, cancellationToken);

    private static bool HasMedia(Message message) =>
        message.Photo is not null || message.Document is not null || message.Video is not null || message.Audio is not null
        || message.Voice is not null || message.Animation is not null || message.Sticker is not null || message.VideoNote is not null;

    private readonly record struct UpdateContext(long UpdateId, Message Message)
    {
        public long ChatId => Message.Chat.Id;

        public long MessageId => Message.Id;

        /// <summary>One answer per update, however often the update is handled.</summary>
        public string DedupeKey => string.Create(CultureInfo.InvariantCulture, $"update:{UpdateId}");
    }
}

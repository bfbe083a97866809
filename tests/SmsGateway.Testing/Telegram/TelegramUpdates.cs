using System.Text.Json.Nodes;

namespace SmsGateway.Testing.Telegram;

/// <summary>Update JSON in the shapes of the Bot API documentation (https://core.telegram.org/bots/api#update).</summary>
public static class TelegramUpdates
{
    public const long UserId = 1111111;
    private const long Date = 1741961366;

    /// <summary>A text message; a leading command gets its <c>bot_command</c> entity as Telegram sends it.</summary>
    public static string Text(long updateId, long chatId, int messageId, string text, int? replyTo = null) =>
        Update(updateId, "message", Message(chatId, messageId, text, replyTo));

    /// <summary>A photo (three sizes, as Telegram sends them), with or without a caption.</summary>
    public static string Photo(long updateId, long chatId, int messageId, string? caption, int? replyTo = null)
    {
        var message = Message(chatId, messageId, text: null, replyTo);
        message["photo"] = new JsonArray(
            PhotoSize("AgACAgIAAxkBAAIBZ2Xsmall", 90, 51, 1322),
            PhotoSize("AgACAgIAAxkBAAIBZ2Xmedium", 320, 180, 15112),
            PhotoSize("AgACAgIAAxkBAAIBZ2Xlarge", 1280, 720, 120877));
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return Update(updateId, "message", message);
    }

    /// <summary>A document (a PDF), with or without a caption.</summary>
    public static string Document(long updateId, long chatId, int messageId, string? caption)
    {
        var message = Message(chatId, messageId, text: null, replyTo: null);
        message["document"] = new JsonObject
        {
            ["file_name"] = "invoice.pdf",
            ["mime_type"] = "application/pdf",
            ["file_id"] = "BQACAgIAAxkBAAIBaGXdocument",
            ["file_unique_id"] = "AgADdocument",
            ["file_size"] = 48213,
        };
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return Update(updateId, "message", message);
    }

    /// <summary>An <c>edited_message</c> update: the user changed an earlier message.</summary>
    public static string Edited(long updateId, long chatId, int messageId, string text)
    {
        var message = Message(chatId, messageId, text, replyTo: null);
        message["edit_date"] = Date + 30;
        return Update(updateId, "edited_message", message);
    }

    private static string Update(long updateId, string kind, JsonObject message) =>
        new JsonObject { ["update_id"] = updateId, [kind] = message }.ToJsonString();

    private static JsonObject Message(long chatId, int messageId, string? text, int? replyTo)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = UserId, ["is_bot"] = false, ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["username"] = "ada", ["language_code"] = "en" },
            ["chat"] = chatId < 0
                ? new JsonObject { ["id"] = chatId, ["title"] = "Family", ["type"] = "group", ["all_members_are_administrators"] = true }
                : new JsonObject { ["id"] = chatId, ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["username"] = "ada", ["type"] = "private" },
            ["date"] = Date,
        };
        if (replyTo is { } original)
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = original,
                ["from"] = new JsonObject { ["id"] = FakeBotApiServer.BotId, ["is_bot"] = true, ["first_name"] = "SMS Gateway", ["username"] = "sms_gateway_test_bot" },
                ["chat"] = message["chat"]!.DeepClone(),
                ["date"] = Date - 60,
                ["text"] = "📩 SMS from +49 151 12345678",
            };
        }

        if (text is not null)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var length = text.IndexOfAny([' ', '\n']) is var end and >= 0 ? end : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
        }

        return message;
    }

    private static JsonObject PhotoSize(string fileId, int width, int height, int size) => new()
    {
        ["file_id"] = fileId,
        ["file_unique_id"] = fileId[^8..],
        ["file_size"] = size,
        ["width"] = width,
        ["height"] = height,
    };
}

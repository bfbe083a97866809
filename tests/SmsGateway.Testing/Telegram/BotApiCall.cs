using System.Text.Json;

namespace SmsGateway.Testing.Telegram;

/// <summary>One call the fake Bot API received: the method, its JSON body, when, the status it answered and the id of the message it created or edited.</summary>
public sealed record BotApiCall(string Method, JsonElement Body, DateTimeOffset At, int Status, int? ResultMessageId)
{
    public long? ChatId => Body.TryGetProperty("chat_id", out var chat) && chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : null;

    public string? Text => Body.TryGetProperty("text", out var text) ? text.GetString() : null;

    public bool Succeeded => Status == 200;
}

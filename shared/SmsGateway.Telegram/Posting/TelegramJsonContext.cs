using System.Text.Json.Serialization;

namespace SmsGateway.Telegram.Posting;

/// <summary>Source-generated JSON for the bridge's outbox payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TelegramPost))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;

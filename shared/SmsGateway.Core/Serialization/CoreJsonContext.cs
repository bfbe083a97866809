using System.Text.Json.Serialization;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Serialization;

/// <summary>
/// Source-generated JSON for what the gateway stores and queues. Enums are written as lower-case
/// strings so stored records and queue bodies stay readable and survive reordering of enum members.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(QueueItem))]
public sealed partial class CoreJsonContext : JsonSerializerContext;

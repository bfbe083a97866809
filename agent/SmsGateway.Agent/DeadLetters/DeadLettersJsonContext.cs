using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmsGateway.Agent.DeadLetters;

/// <summary>Source-generated JSON for what the dead-letter commands print besides the API's own shapes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetterReplayOutput))]
internal sealed partial class DeadLettersJsonContext : JsonSerializerContext;

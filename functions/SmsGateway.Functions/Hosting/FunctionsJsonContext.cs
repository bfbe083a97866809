using System.Text.Json;
using System.Text.Json.Serialization;
using SmsGateway.Functions.Health;

namespace SmsGateway.Functions.Hosting;

/// <summary>Source-generated JSON for the answers only the Functions give.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CloudHealthResponse))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;

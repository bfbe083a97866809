using System.Text.Json.Serialization;
using SmsGateway.Modem.Driver;

namespace SmsGateway.Agent.Diagnostics;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PduDecodeOutput))]
[JsonSerializable(typeof(PduEncodeOutput))]
[JsonSerializable(typeof(ModemProbeResult))]
[JsonSerializable(typeof(CommandError))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;

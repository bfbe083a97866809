using System.Text.Json.Serialization;

namespace SmsGateway.Modem.Simulator;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TransmittedSms))]
internal sealed partial class AirLogJsonContext : JsonSerializerContext;

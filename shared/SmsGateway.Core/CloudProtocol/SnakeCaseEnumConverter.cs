using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>Enums as <c>snake_case</c> strings; numbers are refused, so an out-of-range value cannot slip in.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

using System.Text.Json.Serialization;

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// Source-generated JSON for webhook bodies and stored events: camelCase, absent members left out, so a body is the
/// same bytes when it is rebuilt from the stored event for a retry.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(WebhookEndpoint))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;

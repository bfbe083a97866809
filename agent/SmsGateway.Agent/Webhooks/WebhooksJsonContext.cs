using System.Text.Json;
using System.Text.Json.Serialization;
using SmsGateway.Http.Webhooks;

namespace SmsGateway.Agent.Webhooks;

/// <summary>Source-generated JSON for what the webhook commands print: the API's own shapes and the replay's answer.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(WebhookEndpointListResponse))]
[JsonSerializable(typeof(WebhookDeliveryListResponse))]
[JsonSerializable(typeof(WebhookReplayOutput))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext;

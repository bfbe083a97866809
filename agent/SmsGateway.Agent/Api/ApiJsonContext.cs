using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SmsGateway.Http;
using SmsGateway.Http.Webhooks;

namespace SmsGateway.Agent.Api;

/// <summary>Source-generated JSON for the HTTP API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SendMessageBody))]
[JsonSerializable(typeof(MessageAcceptedResponse))]
[JsonSerializable(typeof(MessageStatusResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(InboundListResponse))]
[JsonSerializable(typeof(InboundMessageResponse))]
[JsonSerializable(typeof(DeadLetterListResponse))]
[JsonSerializable(typeof(SimulatorInboundBody))]
[JsonSerializable(typeof(SimulatorInboundResponse))]
[JsonSerializable(typeof(WebhookEndpointBody))]
[JsonSerializable(typeof(WebhookSecretResponse))]
[JsonSerializable(typeof(WebhookEndpointListResponse))]
[JsonSerializable(typeof(WebhookDeliveryListResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

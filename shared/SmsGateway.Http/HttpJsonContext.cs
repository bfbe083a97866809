using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace SmsGateway.Http;

/// <summary>Source-generated JSON for the message endpoints, the same in every host.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(SendMessageBody))]
[JsonSerializable(typeof(MessageAcceptedResponse))]
[JsonSerializable(typeof(MessageStatusResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class HttpJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using SmsGateway.Core.Domain;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>Source-generated JSON of the agent-events contract, shared by the agent (writer) and the cloud (reader).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(SnakeCaseEnumConverter<DestinationStatus>), typeof(SnakeCaseEnumConverter<AgentEventOutcome>)])]
[JsonSerializable(typeof(AgentEventBatch))]
[JsonSerializable(typeof(AgentEventsResponse))]
public sealed partial class AgentJsonContext : JsonSerializerContext;

using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>An SMS the agent received, reassembled and stored durably before it told the cloud.</summary>
public sealed record InboundSmsReceived : AgentEvent
{
    public const string Kind = "inbound_sms";

    public required InboundMessage Message { get; init; }
}

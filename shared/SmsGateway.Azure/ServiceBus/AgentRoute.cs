namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// One routing rule (<c>ServiceBus:Routes:N</c>): SMS to numbers starting with <see cref="Prefix"/> are pinned to
/// agent <see cref="AgentId"/> (application property <c>agentId</c>), so only subscription <c>sms-&lt;agentId&gt;</c> gets them.
/// </summary>
public sealed class AgentRoute
{
    /// <summary>An E.164 prefix: <c>+</c> and 1 to 15 digits, e.g. <c>+49</c> (a country) or <c>+49151</c> (a network).</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The agent id: lowercase letters, digits and dashes, at most 40 (its subscription is <c>sms-&lt;agentId&gt;</c>).</summary>
    public string AgentId { get; set; } = string.Empty;
}

using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Agent.Configuration;

/// <summary>Which shape the agent runs in (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// <c>standalone</c>: HTTP API, embedded queue and store, modem, all in this process. <c>cloud</c>: the
    /// Functions take the messages; this agent sends from its Service Bus subscription (see <c>Cloud/</c>).
    /// </summary>
    [RegularExpression("^(?i)(standalone|cloud)$", ErrorMessage = "must be 'standalone' or 'cloud'")]
    public string Mode { get; set; } = "standalone";
}

using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Agent.Configuration;

/// <summary>Which shape the agent runs in (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary><c>standalone</c>: HTTP API, embedded queue and store, modem, all in this process.</summary>
    [RegularExpression("^(?i)standalone$", ErrorMessage = "must be 'standalone' (the cloud mode is not part of this build yet)")]
    public string Mode { get; set; } = "standalone";
}

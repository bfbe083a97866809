namespace SmsGateway.Agent.Configuration;

/// <summary>HTTP API settings (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Accepted values of the <c>X-Api-Key</c> header. Empty: one is generated on first start.</summary>
    public string[] Keys { get; set; } = [];
}

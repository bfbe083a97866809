namespace SmsGateway.Agent.Security;

/// <summary>One named caller (<c>Api:Clients:&lt;name&gt;</c>). Give <see cref="KeyHash"/> so the configuration never holds the key.</summary>
public sealed class ApiClientOptions
{
    /// <summary><c>sha256:&lt;64 hex digits&gt;</c>, as printed by <c>SmsGateway.Agent apikey new</c>.</summary>
    public string? KeyHash { get; set; }

    /// <summary>The key itself; simpler, but anyone who reads the configuration can use it.</summary>
    public string? Key { get; set; }

    /// <summary>Any of <c>send</c>, <c>read</c>, <c>admin</c>.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Requests per second; default <c>Api:RateLimit:PermitsPerSecond</c>.</summary>
    public int? RateLimit { get; set; }

    /// <summary>SMS (destinations) per UTC day; default <c>Api:DailyCap</c>; 0 for no cap.</summary>
    public int? DailyCap { get; set; }
}

namespace SmsGateway.Agent.Security;

/// <summary>
/// Who may call the API and how much (section <c>Api</c>, beside <see cref="Configuration.ApiOptions.Keys"/>,
/// whose plain keys get every scope and the default limits).
/// </summary>
public sealed class ApiAccessOptions
{
    public const string SectionName = "Api";

    /// <summary>Named callers with their own key (or key hash), scopes and limits: <c>Api:Clients:&lt;name&gt;:…</c>.</summary>
    public Dictionary<string, ApiClientOptions> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default request rate limit of every key.</summary>
    public ApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The default number of SMS (destinations) a key may have accepted per UTC day; 0 for no cap.</summary>
    public int DailyCap { get; set; } = 10_000;
}

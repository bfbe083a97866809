namespace SmsGateway.Agent.Security;

/// <summary>One caller of the API, known by the SHA-256 hash of its key.</summary>
/// <param name="Name">Names the caller in logs and rate-limit partitions; never the key.</param>
/// <param name="KeyHash">SHA-256 of the key.</param>
/// <param name="Scopes">What it may do (<see cref="ApiScopes"/>).</param>
/// <param name="PermitsPerSecond">Requests per second it may make, on average.</param>
/// <param name="Burst">Requests it may make at once.</param>
/// <param name="DailyCap">SMS (destinations) it may have accepted per UTC day; 0 for no cap.</param>
public sealed record ApiClient(string Name, byte[] KeyHash, IReadOnlySet<string> Scopes, int PermitsPerSecond, int Burst, int DailyCap);

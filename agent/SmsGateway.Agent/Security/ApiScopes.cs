namespace SmsGateway.Agent.Security;

/// <summary>What an API key may do: <c>send</c> SMS, <c>read</c> messages, <c>admin</c> (dead letters, simulator).</summary>
public static class ApiScopes
{
    public const string Send = "send";
    public const string Read = "read";
    public const string Admin = "admin";

    /// <summary>The claim that carries a scope on the authenticated principal.</summary>
    public const string ClaimType = "scope";

    public static IReadOnlyList<string> All { get; } = [Send, Read, Admin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.OrdinalIgnoreCase);

    /// <summary>The authorization policy that requires <paramref name="scope"/>.</summary>
    public static string PolicyName(string scope) => $"scope:{scope}";
}

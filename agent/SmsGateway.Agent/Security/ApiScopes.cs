namespace SmsGateway.Agent.Security;

/// <summary>What an API key may do: <c>send</c> SMS, <c>read</c> messages, <c>webhooks</c> (manage webhook endpoints), <c>admin</c> (dead letters, simulator, and webhooks too).</summary>
public static class ApiScopes
{
    public const string Send = "send";
    public const string Read = "read";
    public const string Admin = "admin";
    public const string Webhooks = "webhooks";

    /// <summary>The claim that carries a scope on the authenticated principal.</summary>
    public const string ClaimType = "scope";

    public static IReadOnlyList<string> All { get; } = [Send, Read, Admin, Webhooks];

    /// <summary>The scopes that grant <paramref name="scope"/>: itself, and <c>admin</c> for <c>webhooks</c>.</summary>
    public static string[] Granting(string scope) => scope == Webhooks ? [Webhooks, Admin] : [scope];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.OrdinalIgnoreCase);

    /// <summary>The authorization policy that requires <paramref name="scope"/>.</summary>
    public static string PolicyName(string scope) => $"scope:{scope}";
}

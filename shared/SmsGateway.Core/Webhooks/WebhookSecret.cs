using System.Security.Cryptography;

namespace SmsGateway.Core.Webhooks;

/// <summary>Signing secrets as Standard Webhooks writes them: <c>whsec_</c> and the base64 of the key.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>A new secret with a 32-byte random key.</summary>
    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="secret"/> is <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValid(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var key = new byte[64];
        return Convert.TryFromBase64String(secret[Prefix.Length..], key, out var length) && length >= 24;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Agent.Security;

/// <summary>API key hashes as written in the configuration: <c>sha256:&lt;64 hex digits&gt;</c>.</summary>
public static class ApiKeyHash
{
    public const string Prefix = "sha256:";

    public static byte[] Compute(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string Format(byte[] hash) => Prefix + Convert.ToHexStringLower(hash);

    public static bool TryParse(string? text, [NotNullWhen(true)] out byte[]? hash)
    {
        hash = null;
        var value = text?.Trim();
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = value[Prefix.Length..];
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }
}

using System.Security.Cryptography;
using System.Text;
using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Intake;

/// <summary>
/// A fingerprint of what a request asks for (normalised numbers, text, priority), so that a repeated
/// Idempotency-Key can be told apart from the same key reused for a different request.
/// </summary>
internal static class RequestHash
{
    public static string Compute(IReadOnlyList<string> numbers, string text, MessagePriority priority)
    {
        var canonical = new StringBuilder();
        foreach (var number in numbers)
        {
            canonical.Append(number).Append('\n');
        }

        canonical.Append('\0').Append(priority).Append('\0').Append(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}

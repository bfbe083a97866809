using System.Globalization;
using StandardWebhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// Signs a request as the Standard Webhooks specification says, with its reference package: <c>v1,</c> and the base64
/// HMAC-SHA256 of <c>id.timestamp.body</c>, one signature per secret, separated by spaces (during a rotation both the
/// new and the old secret sign, so a receiver that still has the old one keeps verifying).
/// </summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The <c>webhook-signature</c> value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string eventId, DateTimeOffset timestamp, string body, IReadOnlyList<string> secrets) =>
        string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(eventId, timestamp, body)));

    /// <summary>The <c>webhook-timestamp</c> value: seconds since the Unix epoch.</summary>
    public static string Timestamp(DateTimeOffset timestamp) =>
        timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

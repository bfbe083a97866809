namespace SmsGateway.Webhooks.Tests.Support;

/// <summary>A request as a receiver saw it.</summary>
internal sealed record ReceivedRequest(Uri Url, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    public string Id => Headers["webhook-id"];

    public string Timestamp => Headers["webhook-timestamp"];

    public string Signature => Headers["webhook-signature"];
}

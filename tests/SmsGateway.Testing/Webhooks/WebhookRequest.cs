namespace SmsGateway.Testing.Webhooks;

/// <summary>A webhook request as the receiver saw it, and the status it answered.</summary>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt, int Status)
{
    public string Id => Headers["webhook-id"];

    public string Timestamp => Headers["webhook-timestamp"];

    public string Signature => Headers["webhook-signature"];
}

namespace SmsGateway.Core.Webhooks;

/// <summary>The JSON body of a webhook request, as the Standard Webhooks specification shapes it.</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, WebhookEventData Data);

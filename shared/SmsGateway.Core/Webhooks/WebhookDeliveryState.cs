namespace SmsGateway.Core.Webhooks;

/// <summary>Where the delivery of one event to one endpoint stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not delivered yet; due at its next attempt.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the retry period, or the endpoint was disabled; kept for replay.</summary>
    Failed,
}

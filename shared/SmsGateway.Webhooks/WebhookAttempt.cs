namespace SmsGateway.Webhooks;

/// <summary>How one POST of an event to an endpoint ended.</summary>
public abstract record WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    /// <summary>The receiver answered 2xx: done.</summary>
    public sealed record Delivered(int StatusCode) : WebhookAttempt;

    /// <summary>The receiver answered 410 Gone: it wants no more events, and the endpoint is disabled.</summary>
    public sealed record Gone : WebhookAttempt;

    /// <summary>Any other answer, a timeout, a refused or unreachable address: tried again later.</summary>
    public sealed record Failed(string Error) : WebhookAttempt;
}

namespace SmsGateway.Core.Webhooks;

/// <summary>A receiver's address is one the gateway may not connect to (<see cref="WebhookAddressPolicy"/>).</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

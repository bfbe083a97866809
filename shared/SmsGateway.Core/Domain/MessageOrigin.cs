namespace SmsGateway.Core.Domain;

/// <summary>Where a message entered the gateway.</summary>
public enum MessageOrigin
{
    Api,
    Telegram,
}

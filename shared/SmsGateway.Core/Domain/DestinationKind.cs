namespace SmsGateway.Core.Domain;

/// <summary>What kind of address a destination is.</summary>
public enum DestinationKind
{
    Sms,
    Telegram,
}

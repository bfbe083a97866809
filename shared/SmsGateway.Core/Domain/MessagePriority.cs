namespace SmsGateway.Core.Domain;

/// <summary>High-priority messages are taken from the queue before normal ones.</summary>
public enum MessagePriority
{
    Normal,
    High,
}

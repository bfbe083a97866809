namespace SmsGateway.Core.CloudProtocol;

/// <summary>A destination left in <c>sending</c> longer than a queue lock lasts: its agent likely died mid-send.</summary>
public sealed record StuckDestination(string MessageId, int DestinationIndex, DateTimeOffset Since);

namespace SmsGateway.Core.Sending.Policy;

/// <summary>One SMS to each of <paramref name="Numbers"/>, counted at <paramref name="At"/> and not yet spent.</summary>
internal sealed record DestinationHold(IReadOnlyList<string> Numbers, DateTimeOffset At);

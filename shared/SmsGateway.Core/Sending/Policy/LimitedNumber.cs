namespace SmsGateway.Core.Sending.Policy;

/// <summary>A number at its hourly limit, and when it has room again.</summary>
public sealed record LimitedNumber(string Number, TimeSpan RetryAfter);

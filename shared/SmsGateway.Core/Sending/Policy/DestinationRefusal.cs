namespace SmsGateway.Core.Sending.Policy;

/// <summary>Why a request may not send now: a number had its hourly share of SMS.</summary>
/// <param name="MaskedNumber">The number, masked for answers and logs.</param>
/// <param name="RetryAfter">When that number has room again.</param>
/// <param name="Limit">The configured SMS per number per hour.</param>
public sealed record DestinationRefusal(string MaskedNumber, TimeSpan RetryAfter, int Limit)
{
    public string Message =>
        $"{MaskedNumber} was sent {Limit} SMS in the last hour, the most Sms:PerDestinationPerHour allows; nothing was stored.";
}

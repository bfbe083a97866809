namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>
    /// A destination had its share of SMS (see <c>Sms:PerDestinationPerHour</c>, <c>Sms:DailyCap</c>); nothing was
    /// stored. <see cref="Errors"/> names the number under <c>to</c>; the share frees up after <see cref="RetryAfter"/>.
    /// </summary>
    public sealed record RateLimited(IReadOnlyDictionary<string, string[]> Errors, TimeSpan RetryAfter) : IntakeResult;
}

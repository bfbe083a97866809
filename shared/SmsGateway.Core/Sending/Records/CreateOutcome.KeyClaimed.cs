namespace SmsGateway.Core.Sending.Records;

public abstract partial record CreateOutcome
{
    /// <summary>Nothing was stored: the idempotency key belongs to <see cref="MessageId"/>, claimed by a request with <see cref="RequestHash"/>.</summary>
    public sealed record KeyClaimed(string MessageId, string RequestHash) : CreateOutcome;
}

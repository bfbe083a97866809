using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>The same Idempotency-Key and request came before; <see cref="Message"/> is the earlier message.</summary>
    public sealed record Replayed(Message Message) : IntakeResult;
}

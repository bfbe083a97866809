namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>The Idempotency-Key was used before with a different request; nothing was stored.</summary>
    public sealed record KeyReused : IntakeResult;
}

using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>Stored and queued now.</summary>
    public sealed record Accepted(Message Message) : IntakeResult;
}

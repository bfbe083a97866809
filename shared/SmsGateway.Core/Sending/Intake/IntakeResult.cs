namespace SmsGateway.Core.Sending.Intake;

/// <summary>
/// The answer of <see cref="MessageIntake.SubmitAsync"/>: one case per outcome, each carrying exactly what that
/// outcome has (the message, the errors, the wait), so a caller matches on the case instead of reading nullable fields.
/// </summary>
public abstract partial record IntakeResult
{
    private protected IntakeResult()
    {
    }

    /// <summary>The case's name, for logs (<c>Accepted</c>, <c>QueueFull</c>, …).</summary>
    public string Outcome => GetType().Name;
}

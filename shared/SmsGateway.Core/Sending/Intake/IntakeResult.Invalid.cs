namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>The request is invalid; nothing was stored. <see cref="Errors"/> are keyed by request field (<c>to</c>, <c>to[2]</c>, <c>text</c>, …).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeResult;
}

namespace SmsGateway.Core.Sending.Records;

public abstract partial record CreateOutcome
{
    /// <summary>The message was stored (and its key, if any, claimed) now.</summary>
    public sealed record Stored : CreateOutcome;
}

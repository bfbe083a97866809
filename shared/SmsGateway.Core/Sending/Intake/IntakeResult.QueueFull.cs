namespace SmsGateway.Core.Sending.Intake;

public abstract partial record IntakeResult
{
    /// <summary>The queue is full; nothing was stored. The client should wait <see cref="RetryAfter"/>.</summary>
    public sealed record QueueFull(TimeSpan RetryAfter) : IntakeResult;
}

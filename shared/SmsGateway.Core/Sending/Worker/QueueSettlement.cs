namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// What becomes of a queue item once its send's outcome is durably recorded on the destination. Kept apart
/// from the recording so that the worker can hand the next SMS to the modem as soon as the outcome is durable,
/// and settle the queue item while that SMS is on the air.
/// </summary>
public abstract record QueueSettlement
{
    private QueueSettlement()
    {
    }

    /// <summary>Sent (or settled before): the item is removed.</summary>
    public sealed record Complete : QueueSettlement;

    /// <summary>A transient failure: the item comes back after <paramref name="Delay"/>.</summary>
    public sealed record Retry(TimeSpan Delay) : QueueSettlement;

    /// <summary>Given up on: the item moves to the dead letters with its reason.</summary>
    public sealed record DeadLetter(string Reason, string Description) : QueueSettlement;
}

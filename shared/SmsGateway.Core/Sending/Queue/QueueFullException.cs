namespace SmsGateway.Core.Sending.Queue;

/// <summary>The queue is at capacity; the caller should try again after <see cref="RetryAfter"/>.</summary>
public sealed class QueueFullException : Exception
{
    public QueueFullException()
        : this(TimeSpan.FromSeconds(5))
    {
    }

    public QueueFullException(string message)
        : base(message)
    {
    }

    public QueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QueueFullException(TimeSpan retryAfter)
        : base("The outbound queue is full.")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(5);
}

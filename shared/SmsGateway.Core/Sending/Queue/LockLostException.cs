namespace SmsGateway.Core.Sending.Queue;

/// <summary>The lease's lock expired and the item may now belong to another receiver.</summary>
public sealed class LockLostException : Exception
{
    public LockLostException()
        : base("The queue lock was lost.")
    {
    }

    public LockLostException(string message)
        : base(message)
    {
    }

    public LockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

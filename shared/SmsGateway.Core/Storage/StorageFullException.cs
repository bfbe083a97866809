namespace SmsGateway.Core.Storage;

/// <summary>
/// The store could not write because its disk (or its file's size limit) is full. Nothing of the failed write was
/// kept; the same request succeeds once space returns, so callers answer "try again later", not "failed".
/// </summary>
public sealed class StorageFullException : Exception
{
    public StorageFullException()
        : base("The storage is full.")
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace SmsGateway.Core.Domain;

/// <summary>Thrown when code tries a status change that the lifecycle does not allow.</summary>
public sealed class InvalidStatusTransitionException : InvalidOperationException
{
    public InvalidStatusTransitionException()
    {
    }

    public InvalidStatusTransitionException(string message)
        : base(message)
    {
    }

    public InvalidStatusTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidStatusTransitionException(DestinationStatus from, DestinationStatus to)
        : base($"A destination cannot move from '{from}' to '{to}'.")
    {
        From = from;
        To = to;
    }

    public DestinationStatus From { get; }

    public DestinationStatus To { get; }
}

namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// The shared count's answer to one request: <see cref="Limited"/> names a number at its limit; otherwise
/// <see cref="CountAsync"/> adds one SMS to each number, from what the check read (one write each when nobody raced).
/// </summary>
public abstract class SharedDestinationCheck
{
    public abstract LimitedNumber? Limited { get; }

    public abstract Task CountAsync(CancellationToken cancellationToken);
}

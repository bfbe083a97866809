namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// A share held in this process's limiter. It counts against the numbers from the moment it is held, so two
/// requests racing for a number's last place cannot both pass; committing writes nothing, because the stored
/// message itself is what a restart counts again.
/// </summary>
internal sealed class HeldAdmission(DestinationRateLimiter limiter, DestinationHold hold) : DestinationAdmission.Admitted
{
    private int _released;

    public override Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            limiter.Release(hold);
        }
    }
}

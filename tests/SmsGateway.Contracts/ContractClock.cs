namespace SmsGateway.Contracts;

/// <summary>A clock the contract suites move by hand, so due times and leases are tested without waiting.</summary>
public sealed class ContractClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

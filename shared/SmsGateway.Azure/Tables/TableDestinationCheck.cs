using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// What <see cref="TableDestinationCounter.CheckAsync"/> read: a number at its limit, or the rows to increment
/// (kept from the check, so a stored request costs one write per number and a refused or replayed one none).
/// </summary>
internal sealed class TableDestinationCheck : SharedDestinationCheck
{
    private readonly LimitedNumber? _limited;
    private readonly Func<CancellationToken, Task> _count;

    private TableDestinationCheck(LimitedNumber? limited, Func<CancellationToken, Task> count)
    {
        _limited = limited;
        _count = count;
    }

    public override LimitedNumber? Limited => _limited;

    public static TableDestinationCheck Refused(LimitedNumber limited) => new(limited, _ => Task.CompletedTask);

    public static TableDestinationCheck Passed(Func<CancellationToken, Task> count) => new(null, count);

    public override Task CountAsync(CancellationToken cancellationToken) =>
        _limited is null ? _count(cancellationToken) : throw new InvalidOperationException("A refused check has nothing to count.");
}

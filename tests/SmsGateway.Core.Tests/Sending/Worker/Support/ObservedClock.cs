using Microsoft.Extensions.Time.Testing;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// The fake clock, telling which timers were set: a test advances it only once the worker's wait is on it (its
/// circuit poll, say), so that advancing can never come before the timer it means to fire.
/// </summary>
internal sealed class ObservedClock(StateChanges changes) : FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _sync = new();
    private readonly Dictionary<TimeSpan, int> _timersSet = [];

    /// <summary>How many timers were set to fire <paramref name="dueTime"/> after they were set.</summary>
    public int TimersSet(TimeSpan dueTime)
    {
        lock (_sync)
        {
            return _timersSet.GetValueOrDefault(dueTime);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_sync)
        {
            _timersSet[dueTime] = _timersSet.GetValueOrDefault(dueTime) + 1;
        }

        changes.Notify();
        return timer;
    }
}

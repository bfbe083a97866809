namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// Lets a test wait for a state of the doubles instead of polling on real time: every double calls
/// <see cref="Notify"/> after it changed, and each waiting condition is checked again then.
/// </summary>
internal sealed class StateChanges
{
    // Not a deadline the behaviour is measured against: it only turns a hang (a condition never reached) into a failure.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly Lock _sync = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    public void Notify()
    {
        List<TaskCompletionSource> reached = [];
        lock (_sync)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    reached.Add(_waiters[i].Reached);
                    _waiters.RemoveAt(i);
                }
            }
        }

        reached.ForEach(r => r.TrySetResult());
    }

    public Task WaitUntilAsync(Func<bool> condition)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, reached));
        }

        return reached.Task.WaitAsync(HangGuard);
    }
}

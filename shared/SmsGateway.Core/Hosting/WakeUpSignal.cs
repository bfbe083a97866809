namespace SmsGateway.Core.Hosting;

/// <summary>
/// Wakes a waiting worker when new work was stored, so it starts at once instead of at its next poll.
/// Take <see cref="Current"/> before looking for work: a pulse that comes while the worker looks then
/// still ends its next wait.
/// </summary>
public sealed class WakeUpSignal
{
    private TaskCompletionSource _current = NewSource();

    /// <summary>Ends every wait that took <see cref="Current"/> before now.</summary>
    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    /// <summary>
    /// Waits for a pulse after <paramref name="since"/> (a task from <see cref="Current"/> taken before
    /// looking for work, so a pulse in between is not missed) or until <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitAsync(Task since, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(since, Task.Delay(timeout, time, stop.Token));
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The task that completes at the next <see cref="Pulse"/>.</summary>
    public Task Current => Volatile.Read(ref _current).Task;

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// Wakes waiting receivers when an item becomes available, so a new message is taken the moment it
/// is queued rather than at the next poll.
/// </summary>
internal sealed class QueueSignal
{
    private TaskCompletionSource _current = NewSource();

    /// <summary>The task that completes at the next <see cref="Pulse"/>; take it before looking at the queue.</summary>
    public Task Current => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    public async Task WaitAsync(Task wakeUp, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timeoutCts.Token);
        await Task.WhenAny(wakeUp, delay);
        await timeoutCts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

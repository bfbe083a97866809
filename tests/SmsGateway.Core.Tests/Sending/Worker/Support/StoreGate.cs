using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>Holds back the first write of the <see cref="GatedMessageStore"/> that matches, until <see cref="Release"/>.</summary>
internal sealed class StoreGate(Func<Message, bool> matches)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new();

    /// <summary>A matching write arrived and is held.</summary>
    public Task Reached => _reached.Task;

    public bool IsReached => _reached.Task.IsCompleted;

    public bool Matches(Message message) => !_reached.Task.IsCompleted && matches(message);

    public Task HoldAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }

    public void Release() => Inline.Run(() => _released.TrySetResult());
}

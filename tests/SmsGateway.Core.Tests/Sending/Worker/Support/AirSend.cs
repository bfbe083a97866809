using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>One SMS handed to the <see cref="AirModem"/>: on the air until the test finishes it or its token cuts it off.</summary>
internal sealed class AirSend
{
    // Continuations run inline on purpose: finishing a send runs the worker's reply on the test's thread (see Inline).
    private readonly TaskCompletionSource<SmsSendReceipt> _result = new();
    private readonly TimeProvider _time;
    private readonly StateChanges _changes;

    public AirSend(ModemSendRequest request, TimeProvider time, StateChanges changes, CancellationToken cancellationToken)
    {
        Request = request;
        _time = time;
        _changes = changes;
        cancellationToken.Register(() =>
        {
            if (!_result.Task.IsCompleted)
            {
                CutOff = true;
                _result.TrySetCanceled(cancellationToken);
                _changes.Notify();
            }
        });
    }

    public ModemSendRequest Request { get; }

    /// <summary>The send's token was cancelled while it was on the air (a stop past its grace, the send timeout).</summary>
    public bool CutOff { get; private set; }

    public Task<SmsSendReceipt> Result => _result.Task;

    public void Succeed(params int[] partReferences) => Finish(() => _result.SetResult(
        new SmsSendReceipt(partReferences.Length == 0 ? [1] : partReferences, _time.GetUtcNow())));

    public void Fail(SmsSendException failure) => Finish(() => _result.SetException(failure));

    private void Finish(Action complete)
    {
        Inline.Run(complete);
        _changes.Notify();
    }
}

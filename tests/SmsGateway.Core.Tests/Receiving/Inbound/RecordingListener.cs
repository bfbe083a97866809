using System.Collections.Concurrent;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Core.Tests.Receiving.Inbound;

internal sealed class RecordingListener : IInboundMessageListener
{
    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    /// <summary>Thrown from every call, when set.</summary>
    public Exception? Failure { get; set; }

    public Task OnInboundMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Received.Enqueue(message);
        return Task.CompletedTask;
    }
}

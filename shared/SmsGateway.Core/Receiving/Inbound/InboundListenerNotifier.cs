using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>Tells every <see cref="IInboundMessageListener"/> about stored messages; a failing one never stops the others.</summary>
internal sealed partial class InboundListenerNotifier(IEnumerable<IInboundMessageListener> listeners, IOptions<InboundOptions> options, TimeProvider time, ILogger logger)
{
    private readonly IInboundMessageListener[] _listeners = listeners.ToArray();

    public async Task NotifyAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            foreach (var listener in _listeners)
            {
                using var timer = new CancellationTokenSource(options.Value.ListenerTimeout, time);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                try
                {
                    // WaitAsync: a listener that ignores its token still cannot hold up the modem.
                    await listener.OnInboundMessageAsync(message, limit.Token).WaitAsync(limit.Token);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: the message is stored; only the notification is skipped.
                    return;
                }
                catch (Exception ex)
                {
                    LogListenerFailed(logger, listener.GetType().Name, message.Id, ex);
                }
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Inbound listener {Listener} failed for message {MessageId}; the message is stored and the other listeners continue")]
    private static partial void LogListenerFailed(ILogger logger, string listener, string messageId, Exception exception);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// Applies a change to one destination with optimistic concurrency: on a conflict it reads the
/// record again and re-applies the change, so concurrent updates to other destinations of the same
/// message (delivery reports, other workers) are never overwritten.
/// </summary>
public sealed partial class MessageUpdater
{
    private const int MaxTries = 20;

    private readonly IMessageStore _store;
    private readonly TimeProvider _time;
    private readonly IDestinationStatusListener[] _listeners;
    private readonly ILogger _logger;
    private readonly WebhookEventFactory? _events;

    public MessageUpdater(IMessageStore store, TimeProvider time)
        : this(store, time, [], NullLogger<MessageUpdater>.Instance)
    {
    }

    /// <param name="store">Where the message records are.</param>
    /// <param name="time">The clock of <see cref="Message.UpdatedAt"/>.</param>
    /// <param name="listeners">Told of every stored status change.</param>
    /// <param name="logger">Logs a listener's failure.</param>
    /// <param name="events">Where webhooks are on: the events of a status change, stored with it.</param>
    public MessageUpdater(
        IMessageStore store,
        TimeProvider time,
        IEnumerable<IDestinationStatusListener> listeners,
        ILogger<MessageUpdater> logger,
        WebhookEventFactory? events = null)
    {
        _store = store;
        _time = time;
        _listeners = listeners.ToArray();
        _logger = logger;
        _events = events;
    }

    /// <summary>
    /// Changes destination <paramref name="index"/> of message <paramref name="messageId"/>.
    /// <paramref name="change"/> returns null to leave the record as it is. Returns the stored
    /// message, or null when the message does not exist.
    /// </summary>
    public async Task<Message?> UpdateDestinationAsync(
        string messageId,
        int index,
        Func<Destination, Destination?> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await _store.GetAsync(messageId, cancellationToken);
            if (stored is null || index < 0 || index >= stored.Message.Destinations.Count)
            {
                return null;
            }

            var previous = stored.Message.Destinations[index].Status;
            var changed = change(stored.Message.Destinations[index]);
            if (changed is null)
            {
                return stored.Message;
            }

            var updated = stored.Message.WithDestination(index, changed, _time.GetUtcNow());
            try
            {
                IReadOnlyList<WebhookEvent> events = _events?.ForStatusChange(updated, index, previous) is { } reported ? [reported] : [];
                await _store.UpdateAsync(updated, stored.ETag, events, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxTries)
            {
                // Someone else wrote first; read their version and apply the change to it.
                continue;
            }

            if (changed.Status != previous)
            {
                await NotifyAsync(updated, index, previous, cancellationToken);
            }

            return updated;
        }
    }

    private async Task NotifyAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnDestinationStatusChangedAsync(message, index, previous, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The update is stored; a listener's trouble must not make the caller retry or fail it.
                LogListenerFailed(_logger, listener.GetType().Name, message.Id, index, ex);
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Status listener {Listener} failed for message {MessageId} destination {Index}; the status change is stored")]
    private static partial void LogListenerFailed(ILogger logger, string listener, string messageId, int index, Exception exception);
}

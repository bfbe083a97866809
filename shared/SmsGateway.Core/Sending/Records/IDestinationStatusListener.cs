using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// Told by <see cref="MessageUpdater"/> after a stored update changed the status of a destination (e.g.
/// to update the Telegram answer of a message sent from Telegram). The change is durable by then; a
/// listener that throws is logged and skipped and never fails the update. Keep it quick: hand the news
/// to a durable outbox instead of calling remote services.
/// </summary>
public interface IDestinationStatusListener
{
    /// <param name="message">The message as stored after the change.</param>
    /// <param name="index">The destination whose status changed.</param>
    /// <param name="previous">Its status before the change.</param>
    /// <param name="cancellationToken">Cancelled when the updater's caller gives up.</param>
    Task OnDestinationStatusChangedAsync(Message message, int index, DestinationStatus previous, CancellationToken cancellationToken);
}

using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Records;

/// <summary>
/// The messages accepted since a moment, read from the store's own records. The sending limits keep their counts in
/// memory and rebuild them from this at start, so that counting a request costs no write of its own: the message
/// record, written once by the store, is the durable count.
/// </summary>
public interface IMessageHistory
{
    /// <summary>Every message created at or after <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<Message> ReadCreatedSince(DateTimeOffset since);
}

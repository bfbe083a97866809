namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>
/// Finds the sent part a delivery report is about. A modem's TP-MR is one byte and wraps, so a
/// reference means something only together with the recipient and only for a while; the newest
/// entry wins. Azure Table storage: partition key = recipient, row key = reference and inverted time.
/// </summary>
public interface IPartReferenceIndex
{
    /// <summary>Records the references of one send; recording the same entries again changes nothing.</summary>
    Task RecordAsync(IReadOnlyList<PartReference> references, CancellationToken cancellationToken);

    /// <summary>The most recently sent part to <paramref name="recipient"/> with <paramref name="reference"/>, sent at or after <paramref name="notBefore"/>; null when there is none.</summary>
    Task<PartReference?> FindLatestAsync(string recipient, int reference, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Removes entries sent before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

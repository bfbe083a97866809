namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>Durable parking place for delivery reports that arrived before their part was recorded as sent.</summary>
public interface IPendingDeliveryReportStore
{
    /// <summary>Stores the report unless one with its id is stored.</summary>
    Task AddAsync(PendingDeliveryReport report, CancellationToken cancellationToken);

    /// <summary>Parked reports, oldest first.</summary>
    Task<IReadOnlyList<PendingDeliveryReport>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Removes a report; removing one that is not there is no error.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);
}

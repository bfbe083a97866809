using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>A delivery report that could not be applied yet, kept until its part is recorded as sent.</summary>
/// <param name="Id">Derived from the report, so the same report parked twice is one entry.</param>
/// <param name="Report">The report as the modem gave it.</param>
/// <param name="ReceivedAt">When the report first arrived; it is given up after <see cref="DeliveryReportOptions.PendingTimeout"/>.</param>
public sealed record PendingDeliveryReport(string Id, DeliveryReport Report, DateTimeOffset ReceivedAt);

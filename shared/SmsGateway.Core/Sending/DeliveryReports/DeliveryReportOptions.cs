using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>How delivery reports are matched to sent parts (section <c>DeliveryReports</c>).</summary>
public sealed class DeliveryReportOptions
{
    public const string SectionName = "DeliveryReports";

    /// <summary>How far back a report may refer; older references have likely been reused by the modem.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MatchWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a report waits for its part to be recorded as sent before it is dropped as unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often parked reports are tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}

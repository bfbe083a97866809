using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Functions.Maintenance;

/// <summary>How long settled bookkeeping is kept (section <c>Housekeeping</c>).</summary>
public sealed class HousekeepingOptions
{
    public const string SectionName = "Housekeeping";

    /// <summary>
    /// Applied agent-event ids, processed Telegram updates and delivered outbox items older than this are
    /// forgotten. Agents resend an event only until it is acknowledged, and Telegram repeats an update for at
    /// most a day, so a week is ample.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "must be 1 to 365 days")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

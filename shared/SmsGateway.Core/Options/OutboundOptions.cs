using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Core.Options;

/// <summary>How the outbound worker sends and retries (section <c>Outbound</c>).</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Send attempts per destination before it is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles each attempt, with full jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a received item stays locked; longer than the slowest multipart send.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Ask the network for delivery reports.</summary>
    public bool DeliveryReports { get; set; } = true;
}

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

    /// <summary>Transient modem failures in a row (with no success within <see cref="CircuitSamplingDuration"/>) that open the circuit.</summary>
    [Range(1, 1000)]
    public int CircuitFailureThreshold { get; set; } = 5;

    /// <summary>The window in which the failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the circuit stays open before a probe (<c>AT</c>, <c>AT+CREG?</c>) may close it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one send may take, all parts included; beyond it the outcome is unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// On a stop (SIGTERM, a service restart), how long the SMS on the air may take to finish and have its outcome
    /// recorded before it is cut off. A cut-off send is left <c>sending</c> and handled like a crash's
    /// (<see cref="AfterCrash"/>); <c>00:00:00</c> cuts it off at once. The host waits this long plus a margin.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>What to do with a destination found <c>sending</c> after a crash: <c>resend</c> or <c>unknown</c>.</summary>
    [EnumDataType(typeof(AfterCrashPolicy))]
    public AfterCrashPolicy AfterCrash { get; set; } = AfterCrashPolicy.Resend;

    /// <summary>Ask the network for delivery reports.</summary>
    public bool DeliveryReports { get; set; } = true;
}

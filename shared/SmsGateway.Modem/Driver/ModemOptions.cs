using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Modem.Driver;

/// <summary>Settings of the GSM modem driver, section <c>Modem</c>.</summary>
public sealed class ModemOptions
{
    public const string SectionName = "Modem";

    /// <summary>Serial device (<c>/dev/ttyUSB0</c>, <c>COM3</c>, a pty link) or <c>simulator</c>.</summary>
    [Required]
    public string Port { get; set; } = "simulator";

    [Range(300, 4_000_000)]
    public int BaudRate { get; set; } = 115200;

    /// <summary>Use RTS/CTS flow control instead of none.</summary>
    public bool HardwareFlowControl { get; set; }

    /// <summary>SIM PIN, sent only when the SIM asks for it and never again once rejected.</summary>
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "must be 4 to 8 digits")]
    [DataType(DataType.Password)]
    public string? Pin { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one <c>AT+CMGS</c> may take: the modem answers only once the network accepted the part.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often signal, registration and operator are polled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often all stored messages are listed, to pick up any whose notification was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan StorageSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Ask the network for a status report of every sent part.</summary>
    public bool DeliveryReports { get; set; } = true;

    /// <summary>Consecutive command timeouts after which the session is torn down and the modem re-initialised.</summary>
    [Range(1, 100)]
    public int MaxConsecutiveTimeouts { get; set; } = 3;
}

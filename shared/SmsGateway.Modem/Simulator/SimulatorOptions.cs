using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Modem.Simulator;

/// <summary>How the simulated GSM modem behaves (configuration section <c>Modem:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Modem:Simulator";

    /// <summary>
    /// The modem family whose quirks the simulator reproduces: <c>standard</c>, <c>huawei</c>, <c>wavecom</c>, <c>zte</c>,
    /// <c>sim800</c>, <c>quectel</c>, <c>nokia</c> or <c>notsupport</c> (docs/MODEMS.md). A dialect also sets the identity
    /// the modem answers (manufacturer, model, revision).
    /// </summary>
    [SimDialectName]
    public string Dialect { get; set; } = SimDialects.Standard;

    /// <summary>Simulated air time of one SMS part between the PDU and <c>+CMGS</c>.</summary>
    [Range(0, 600_000)]
    public int SendDelayMs { get; set; } = 200;

    /// <summary>JSON-lines file receiving every transmitted PDU, decoded; none when empty.</summary>
    public string? AirLog { get; set; }

    /// <summary>Status report sent for parts that requested one.</summary>
    public SimulatedDeliveryOutcome DeliveryReports { get; set; } = SimulatedDeliveryOutcome.Delivered;

    /// <summary>Time between <c>+CMGS</c> and the status report.</summary>
    [Range(0, 3_600_000)]
    public int DeliveryReportDelayMs { get; set; } = 500;

    [Required]
    public string Manufacturer { get; set; } = "SIMCOM_Ltd";

    [Required]
    public string Model { get; set; } = "SIMCOM_SIM800";

    [Required]
    public string Revision { get; set; } = "Revision:1418B04SIM800C24";

    [Required]
    [RegularExpression("^[0-9]{15}$")]
    public string Imei { get; set; } = "867856030000001";

    [Required]
    [RegularExpression("^[0-9]{6,15}$")]
    public string Imsi { get; set; } = "262011234567890";

    [Required]
    [RegularExpression("^[0-9A-Fa-f]{18,22}$")]
    public string Iccid { get; set; } = "8949011234567890123";

    [Required]
    public string Operator { get; set; } = "Simulated GSM";

    /// <summary>The service centre address answered to <c>AT+CSCA?</c> and put in front of injected PDUs.</summary>
    [Required]
    [RegularExpression(@"^\+?[0-9]{3,20}$")]
    public string SmscAddress { get; set; } = "+491710760000";

    /// <summary>Signal as <c>AT+CSQ</c> reports it: 0–31, or 99 for unknown.</summary>
    [Range(0, 99)]
    public int SignalRssi { get; set; } = 20;

    /// <summary>The SIM PIN; when set the SIM answers <c>SIM PIN</c> until <c>AT+CPIN</c> gives it.</summary>
    [RegularExpression("^[0-9]{4,8}$")]
    public string? Pin { get; set; }

    /// <summary>Number of SMS slots in SIM storage.</summary>
    [Range(1, 255)]
    public int StorageSize { get; set; } = 30;

    /// <summary>
    /// A line the modem writes right after the <c>"&gt; "</c> prompt, in the same write (e.g. <c>^RSSI: 20</c>, as
    /// Huawei sticks do, or a <c>+CDSI</c> notice); none when empty.
    /// </summary>
    [RegularExpression(@"^[^\r\n]*$", ErrorMessage = "must be a single line")]
    public string? LineAfterPrompt { get; set; }

    /// <summary>Emit Huawei-style <c>^RSSI:</c> / <c>^BOOT:</c> URCs at random moments, to test URC tolerance.</summary>
    public bool VendorUrcs { get; set; }

    /// <summary>Average time between two vendor URCs when <see cref="VendorUrcs"/> is on.</summary>
    [Range(10, 3_600_000)]
    public int VendorUrcIntervalMs { get; set; } = 2_000;
}

namespace SmsGateway.Modem.Driver;

/// <summary>What <see cref="ModemProbe"/> found out; what the modem did not answer stays null.</summary>
public sealed record ModemProbeResult
{
    /// <summary>The connection that was probed.</summary>
    public required string Port { get; init; }

    /// <summary>True when the modem answered <c>AT</c>.</summary>
    public bool Responded { get; init; }

    public string? Manufacturer { get; init; }

    public string? Model { get; init; }

    public string? Revision { get; init; }

    public string? Imei { get; init; }

    public string? Imsi { get; init; }

    /// <summary>Answer of <c>AT+CPIN?</c>: <c>READY</c>, <c>SIM PIN</c>, <c>SIM PUK</c>, <c>no SIM</c>.</summary>
    public string? SimState { get; init; }

    /// <summary><c>home</c>, <c>roaming</c> or <c>not registered</c>.</summary>
    public string? Registration { get; init; }

    public string? Operator { get; init; }

    public int? SignalDbm { get; init; }

    public string? SmscAddress { get; init; }

    /// <summary>Preferred message storage (<c>SM</c>, <c>ME</c>) from <c>AT+CPMS?</c>.</summary>
    public string? Storage { get; init; }

    public int? StorageUsed { get; init; }

    public int? StorageTotal { get; init; }

    /// <summary>Why the probe stopped early, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Every command sent (<c>-&gt; AT+CGMI</c>) and line received (<c>&lt;- huawei</c>), the PIN masked: what to attach
    /// when reporting a new modem (docs/MODEMS.md).
    /// </summary>
    public IReadOnlyList<string> Transcript { get; init; } = [];
}

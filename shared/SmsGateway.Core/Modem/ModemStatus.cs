namespace SmsGateway.Core.Modem;

/// <summary>A snapshot of the modem's identity and radio state, shown by the health endpoint.</summary>
public sealed record ModemStatus
{
    public static ModemStatus Disconnected { get; } = new();

    public bool Connected { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? Revision { get; init; }
    public string? Imei { get; init; }
    public string? Imsi { get; init; }
    public string? SmscAddress { get; init; }
    public string? Operator { get; init; }
    public bool Registered { get; init; }
    public bool Roaming { get; init; }

    /// <summary>Received signal strength in dBm (from <c>AT+CSQ</c>), null when unknown.</summary>
    public int? SignalDbm { get; init; }

    /// <summary>How received SMS reach the gateway on this device.</summary>
    public ModemReceiving Inbound { get; init; }

    /// <summary>How status reports reach the gateway on this device (<see cref="ModemReceiving.Unavailable"/> when not requested).</summary>
    public ModemReceiving Reports { get; init; }

    /// <summary>Why the modem is not usable, when it is not.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

namespace SmsGateway.Core.CloudProtocol;

/// <summary>What an agent reports of its modem: no IMEI, IMSI or numbers, only what health needs.</summary>
public sealed record AgentModemSnapshot
{
    public bool Connected { get; init; }

    public string? Model { get; init; }

    public string? Operator { get; init; }

    public bool Registered { get; init; }

    /// <summary>Received signal strength in dBm, null when unknown.</summary>
    public int? SignalDbm { get; init; }
}

namespace SmsGateway.Modem.Simulator;

/// <summary>What the simulated network reports for a sent part that asked for a status report.</summary>
public enum SimulatedDeliveryOutcome
{
    /// <summary>TP-ST 0x00: the part reached the handset.</summary>
    Delivered,

    /// <summary>TP-ST 0x46: the validity period expired, a permanent failure.</summary>
    Failed,

    /// <summary>No status report is ever sent.</summary>
    None,
}

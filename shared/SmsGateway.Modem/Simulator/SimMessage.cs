namespace SmsGateway.Modem.Simulator;

/// <summary>One occupied slot of the simulated SIM storage.</summary>
/// <param name="Index">The 1-based storage index used by <c>+CMTI</c>, <c>AT+CMGR</c> and <c>AT+CMGD</c>.</param>
/// <param name="Status">Read state of the slot.</param>
/// <param name="Pdu">The PDU in hex, service centre address included.</param>
public sealed record SimMessage(int Index, SimMessageStatus Status, string Pdu)
{
    /// <summary>Octets after the service centre address: the <c>&lt;length&gt;</c> of <c>+CMGR</c> and <c>+CMGL</c>.</summary>
    public int TpduLength => SimulatorPdu.TpduLength(Pdu);
}

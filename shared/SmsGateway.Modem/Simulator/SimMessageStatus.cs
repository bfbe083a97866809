namespace SmsGateway.Modem.Simulator;

/// <summary>The <c>&lt;stat&gt;</c> of a message in SIM storage, as numbered in PDU mode (3GPP TS 27.005 §3.1).</summary>
public enum SimMessageStatus
{
    ReceivedUnread = 0,
    ReceivedRead = 1,
    StoredUnsent = 2,
    StoredSent = 3,
}

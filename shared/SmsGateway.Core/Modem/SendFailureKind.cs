namespace SmsGateway.Core.Modem;

/// <summary>How a failed send should be treated by the retry policy.</summary>
public enum SendFailureKind
{
    /// <summary>Nothing left the modem and trying again later may work (weak signal, busy network, timeout before the PDU was written, port loss).</summary>
    Transient,

    /// <summary>Trying again cannot work (invalid number, barred, unknown subscriber).</summary>
    Permanent,

    /// <summary>The PDU was written but no answer came: the SMS may have left.</summary>
    UnknownOutcome,
}

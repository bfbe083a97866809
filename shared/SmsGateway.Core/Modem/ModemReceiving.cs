namespace SmsGateway.Core.Modem;

/// <summary>How the modem gets received SMS (or status reports) to the gateway.</summary>
public enum ModemReceiving
{
    /// <summary>Not known yet: the modem has not been set up.</summary>
    Unknown,

    /// <summary>The modem tells at once (<c>+CMTI</c>/<c>+CMT</c>, or <c>+CDSI</c>/<c>+CDS</c> for reports).</summary>
    Notified,

    /// <summary>
    /// The modem refused every form of <c>AT+CNMI</c> (phones in AT mode, such as Nokia's): its storage is listed
    /// with <c>AT+CMGL</c> every <c>Modem:StatusInterval</c> instead, so messages arrive late but arrive. (Never for
    /// reports: without <c>+CNMI</c> a modem does not keep them.)
    /// </summary>
    Polled,

    /// <summary>Neither notified nor listable (or, for reports, not requested): nothing arrives this way on this device.</summary>
    Unavailable,
}

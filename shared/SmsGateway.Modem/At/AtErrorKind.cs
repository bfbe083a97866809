namespace SmsGateway.Modem.At;

/// <summary>Which final result code the modem answered instead of <c>OK</c>.</summary>
public enum AtErrorKind
{
    /// <summary>Plain <c>ERROR</c> (or a vendor text such as <c>COMMAND NOT SUPPORT</c>).</summary>
    Error,

    /// <summary><c>+CME ERROR: n</c>: an equipment (ME) error.</summary>
    Cme,

    /// <summary><c>+CMS ERROR: n</c>: a message service error.</summary>
    Cms,
}

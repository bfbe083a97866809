namespace SmsGateway.Modem.Simulator;

/// <summary>The four forms of an AT command (ITU-T V.250 §5.4).</summary>
internal enum SimAtCommandKind
{
    /// <summary><c>AT+X</c> or a basic command such as <c>ATE0</c>.</summary>
    Execute,

    /// <summary><c>AT+X?</c></summary>
    Read,

    /// <summary><c>AT+X=?</c></summary>
    Test,

    /// <summary><c>AT+X=args</c></summary>
    Set,
}

namespace SmsGateway.Modem.Simulator;

/// <summary>One SMS part the simulated modem put on the air, decoded; also one line of the air log.</summary>
/// <param name="Time">When <c>+CMGS</c> was answered.</param>
/// <param name="To">TP-DA as decoded (<c>+</c> for international).</param>
/// <param name="Text">Text of this part; empty for 8-bit data.</param>
/// <param name="Encoding"><c>gsm7</c>, <c>ucs2</c> or <c>8bit</c>.</param>
/// <param name="Reference">Concatenation reference, null for a single-part SMS.</param>
/// <param name="Part">1-based part number (1 for a single-part SMS).</param>
/// <param name="Parts">Number of parts (1 for a single-part SMS).</param>
/// <param name="MessageReference">The TP-MR the modem answered in <c>+CMGS</c>.</param>
/// <param name="StatusReport">TP-SRR: a status report was requested.</param>
/// <param name="Pdu">The PDU exactly as the host sent it.</param>
public sealed record TransmittedSms(
    DateTimeOffset Time,
    string To,
    string Text,
    string Encoding,
    int? Reference,
    int Part,
    int Parts,
    int MessageReference,
    bool StatusReport,
    string Pdu);

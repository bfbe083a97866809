namespace SmsGateway.Modem.Pdu;

/// <summary>One SMS-SUBMIT ready for <c>AT+CMGS=&lt;TpduLength&gt;</c> in PDU mode.</summary>
/// <param name="Hex">The whole PDU in upper-case hex, starting with <c>00</c> (use the SMSC stored on the SIM).</param>
/// <param name="TpduLength">Octets after the SMSC part: the length argument of AT+CMGS.</param>
/// <param name="PartNumber">1-based part number.</param>
/// <param name="PartCount">Number of parts of the message.</param>
public sealed record SubmitPdu(string Hex, int TpduLength, int PartNumber, int PartCount);

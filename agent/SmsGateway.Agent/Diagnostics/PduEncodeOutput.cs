using SmsGateway.Core.Text;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Agent.Diagnostics;

/// <summary>What <c>pdu encode</c> prints: the parts as a modem would be given them with <c>AT+CMGS</c>.</summary>
public sealed record PduEncodeOutput(string To, SmsEncoding Encoding, int Segments, IReadOnlyList<SubmitPdu> Parts);

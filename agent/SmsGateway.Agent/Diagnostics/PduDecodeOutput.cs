using SmsGateway.Modem.Pdu;

namespace SmsGateway.Agent.Diagnostics;

/// <summary>What <c>pdu decode</c> prints: the PDU's type and its decoded fields.</summary>
public sealed record PduDecodeOutput(string Type, DeliverPdu? Deliver, SubmitMessage? Submit, StatusReportPdu? StatusReport);

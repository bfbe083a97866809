namespace SmsGateway.Core.Modem;

/// <summary>One SMS to one recipient, as handed to the modem.</summary>
/// <param name="To">Recipient in E.164 form, e.g. <c>+4915112345678</c>.</param>
/// <param name="Text">The full text; the modem splits it into parts.</param>
/// <param name="RequestDeliveryReport">Ask the network for a status report (TP-SRR).</param>
public sealed record OutgoingSms(string To, string Text, bool RequestDeliveryReport = true);

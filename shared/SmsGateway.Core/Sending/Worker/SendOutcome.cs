using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>What the modem made of one send: a receipt, or the classified failure.</summary>
public sealed record SendOutcome(SmsSendReceipt? Receipt, SmsSendException? Failure);

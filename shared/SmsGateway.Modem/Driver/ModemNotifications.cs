namespace SmsGateway.Modem.Driver;

/// <summary>What <c>AT+CNMI</c> the modem accepted: whether it announces new messages, and status reports.</summary>
internal sealed record ModemNotifications(bool Messages, bool Reports);

namespace SmsGateway.Core.Modem;

/// <summary>
/// What the modem answered for a sent SMS: one message reference per part it sent in this attempt, in part
/// order (after <see cref="ModemSendRequest.PartsAlreadySent"/>, when the send resumed).
/// </summary>
public sealed record SmsSendReceipt(IReadOnlyList<int> PartReferences, DateTimeOffset SentAt);

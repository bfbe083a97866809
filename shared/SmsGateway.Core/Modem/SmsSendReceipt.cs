namespace SmsGateway.Core.Modem;

/// <summary>What the modem answered for a sent SMS: one message reference per part, in part order.</summary>
public sealed record SmsSendReceipt(IReadOnlyList<int> PartReferences, DateTimeOffset SentAt);

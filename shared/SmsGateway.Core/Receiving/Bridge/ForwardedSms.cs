namespace SmsGateway.Core.Receiving.Bridge;

/// <summary>A chat message that showed a received SMS: replying to it answers <see cref="Sender"/> by SMS.</summary>
/// <param name="ChatId">The chat the SMS was forwarded to.</param>
/// <param name="MessageId">The chat service's id of the forwarded message in that chat.</param>
/// <param name="Sender">The SMS sender as the network gave it.</param>
/// <param name="InboundMessageId">The id of the inbound message that was forwarded.</param>
public sealed record ForwardedSms(long ChatId, long MessageId, string Sender, string InboundMessageId);

namespace SmsGateway.Agent.Api;

/// <summary>
/// The Telegram bridge's bounded stages. Not part of the overall status: SMS keep flowing while Telegram is out
/// of reach, but a full outbox means new forwards are being dropped.
/// </summary>
public sealed record TelegramHealth(int OutboxPending, int OutboxCapacity, int InboxPending, int InboxCapacity);

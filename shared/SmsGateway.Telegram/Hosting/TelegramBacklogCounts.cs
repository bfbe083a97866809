namespace SmsGateway.Telegram.Hosting;

/// <summary>Posts waiting for Telegram and updates waiting to be acted on, each with its capacity.</summary>
public sealed record TelegramBacklogCounts(int OutboxPending, int OutboxCapacity, int InboxPending, int InboxCapacity);

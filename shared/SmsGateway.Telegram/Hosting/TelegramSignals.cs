using SmsGateway.Core.Hosting;

namespace SmsGateway.Telegram.Hosting;

/// <summary>The bridge's wake-up signals: one for recorded updates, one for outbox items.</summary>
public sealed class TelegramSignals
{
    public WakeUpSignal Updates { get; } = new();

    public WakeUpSignal Outbox { get; } = new();
}

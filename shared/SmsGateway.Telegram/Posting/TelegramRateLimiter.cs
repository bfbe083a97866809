using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Configuration;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// Keeps sends within Telegram's limits: one message per interval in a chat, a number per second over
/// all chats, and a pause everywhere after a 429. In memory: after a restart the limits start afresh,
/// which at worst earns a 429 that is then honoured.
/// </summary>
public sealed class TelegramRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _perChat;
    private readonly int _perSecond;
    private readonly Dictionary<long, DateTimeOffset> _lastByChat = [];
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public TelegramRateLimiter(IOptions<TelegramOptions> options)
    {
        _perChat = options.Value.PerChatInterval;
        _perSecond = options.Value.MaxMessagesPerSecond;
    }

    /// <summary>How long to wait before a message may go to <paramref name="chatId"/>; zero when it may go now.</summary>
    public TimeSpan WaitTime(long chatId, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - Window)
            {
                _recent.Dequeue();
            }

            var until = _pausedUntil;
            if (_lastByChat.TryGetValue(chatId, out var last) && last + _perChat > until)
            {
                until = last + _perChat;
            }

            if (_recent.Count >= _perSecond && _recent.Peek() + Window > until)
            {
                until = _recent.Peek() + Window;
            }

            return until > now ? until - now : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a call to <paramref name="chatId"/> made at <paramref name="now"/>.</summary>
    public void Record(long chatId, DateTimeOffset now)
    {
        lock (_lock)
        {
            _lastByChat[chatId] = now;
            _recent.Enqueue(now);
        }
    }

    /// <summary>Stops every send until <paramref name="until"/> (Telegram's retry_after).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}

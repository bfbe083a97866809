using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Outbox;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Telemetry;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// Puts Telegram posts in the durable outbox, one channel per chat, and wakes the dispatcher. The outbox is
/// bounded (<c>Telegram:OutboxCapacity</c>): when Telegram stays out of reach, posts past the capacity are
/// dropped rather than stored, and once there is room a configured chat is told how many it missed.
/// </summary>
public sealed class TelegramOutboxWriter
{
    public const string ChannelPrefix = "telegram:";

    // How long a count of the outbox is trusted while it has room; counting the cloud's outbox is a table scan.
    private static readonly TimeSpan CountRefresh = TimeSpan.FromSeconds(10);

    private readonly IOutbox _outbox;
    private readonly TelegramSignals _signals;
    private readonly TimeProvider _time;
    private readonly TelegramMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly BacklogGauge _gauge;
    private readonly HashSet<long> _knownChats;

    // Posts dropped per configured chat since it was last told; only configured chats, so the map stays small.
    private readonly ConcurrentDictionary<long, int> _dropped = new();
    private int _full;

    public TelegramOutboxWriter(
        IOutbox outbox,
        TelegramSignals signals,
        TimeProvider time,
        IOptions<TelegramOptions> options,
        ILogger<TelegramOutboxWriter> logger,
        TelegramMetrics? metrics = null)
    {
        _outbox = outbox;
        _signals = signals;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        var settings = options.Value;
        _gauge = new BacklogGauge(ct => outbox.CountPendingAsync(ChannelPrefix, ct), settings.OutboxCapacity, CountRefresh, time);
        _knownChats = [.. settings.ChatIds, .. settings.EffectiveAllowedChatIds];
    }

    public static string Channel(long chatId) => ChannelPrefix + chatId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseChannel(string channel, out long chatId) =>
        long.TryParse(channel.AsSpan(ChannelPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);

    /// <summary>
    /// Enqueues <paramref name="post"/>; false when the chat already had <paramref name="dedupeKey"/>, or when the
    /// outbox is full and the post was dropped.
    /// </summary>
    public async Task<bool> EnqueueAsync(TelegramPost post, string dedupeKey, CancellationToken cancellationToken)
    {
        if (!await _gauge.HasRoomAsync(cancellationToken))
        {
            Drop(post);
            return false;
        }

        Volatile.Write(ref _full, 0);
        if (!_dropped.IsEmpty)
        {
            await TellAboutDropsAsync(post.ChatId, cancellationToken);
        }

        return await AddAsync(post, dedupeKey, cancellationToken);
    }

    public Task<bool> EnqueueTextAsync(long chatId, string text, long? replyTo, string dedupeKey, CancellationToken cancellationToken) =>
        EnqueueAsync(Text(chatId, text, replyTo), dedupeKey, cancellationToken);

    private async Task<bool> AddAsync(TelegramPost post, string dedupeKey, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(post, TelegramJsonContext.Default.TelegramPost);
        var added = await _outbox.EnqueueAsync(new OutboxItem(Channel(post.ChatId), dedupeKey, payload, _time.GetUtcNow()), cancellationToken);
        if (added)
        {
            _gauge.Added();
            _signals.Outbox.Pulse();
        }

        return added;
    }

    private void Drop(TelegramPost post)
    {
        var kind = post.Kind.ToString().ToLowerInvariant();
        if (Interlocked.Exchange(ref _full, 1) == 0)
        {
            TelegramLog.OutboxFull(_logger, _gauge.Pending, _gauge.Capacity);
        }

        TelegramLog.PostDropped(_logger, kind, post.ChatId);
        _metrics?.PostDropped(kind);
        if (_knownChats.Contains(post.ChatId))
        {
            _dropped.AddOrUpdate(post.ChatId, 1, (_, count) => count + 1);
        }
    }

    // Told before the post that found room, so the chat reads the notice first.
    private async Task TellAboutDropsAsync(long chatId, CancellationToken cancellationToken)
    {
        if (!_dropped.TryRemove(chatId, out var count))
        {
            return;
        }

        try
        {
            TelegramLog.DropNoticeQueued(_logger, chatId, count);
            await AddAsync(Text(chatId, BotTexts.Dropped(count), null), "dropped:" + Guid.CreateVersion7().ToString("N"), cancellationToken);
        }
        catch
        {
            _dropped.AddOrUpdate(chatId, count, (_, later) => later + count);
            throw;
        }
    }

    private static TelegramPost Text(long chatId, string text, long? replyTo) =>
        new() { Kind = TelegramPostKind.Text, ChatId = chatId, Text = text, ReplyToMessageId = replyTo };
}

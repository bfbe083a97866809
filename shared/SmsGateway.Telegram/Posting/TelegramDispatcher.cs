using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;

namespace SmsGateway.Telegram.Posting;

/// <summary>
/// Delivers the Telegram outbox: the oldest item of each chat in turn, within the rate limits. A 429
/// pauses as long as Telegram asks; an outage or timeout is retried with backoff for as long as it lasts;
/// a chat's items never overtake each other, because each chat's next item waits for the one before.
/// </summary>
public sealed class TelegramDispatcher
{
    private const int MaxChannelsPerPass = 200;

    private readonly IOutbox _outbox;
    private readonly TelegramPostSender _sender;
    private readonly TelegramRateLimiter _limiter;
    private readonly TelegramConnection _connection;
    private readonly TelegramOptions _options;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramDispatcher> _logger;

    public TelegramDispatcher(
        IOutbox outbox,
        TelegramPostSender sender,
        TelegramRateLimiter limiter,
        TelegramConnection connection,
        IOptions<TelegramOptions> options,
        TimeProvider time,
        ILogger<TelegramDispatcher> logger)
    {
        _outbox = outbox;
        _sender = sender;
        _limiter = limiter;
        _connection = connection;
        _options = options.Value;
        _backoff = new RetryBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
        _time = time;
        _logger = logger;
    }

    private TimeSpan LockDuration => _options.RequestTimeout + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delivers at most one due item per chat. Returns how long until something may be due: zero to call
    /// again at once, null when the outbox is empty (wait for new items).
    /// </summary>
    public async Task<TimeSpan?> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var channels = await _outbox.ListPendingChannelsAsync(TelegramOutboxWriter.ChannelPrefix, MaxChannelsPerPass, cancellationToken);
        TimeSpan? wait = null;
        var delivered = false;
        foreach (var channel in channels)
        {
            var now = _time.GetUtcNow();
            if (!TelegramOutboxWriter.TryParseChannel(channel.Name, out var chatId))
            {
                continue;
            }

            var until = channel.NextDueAt > now ? channel.NextDueAt - now : TimeSpan.Zero;
            if (until == TimeSpan.Zero)
            {
                until = _limiter.WaitTime(chatId, now);
            }

            if (until > TimeSpan.Zero)
            {
                wait = wait is { } w && w < until ? w : until;
                continue;
            }

            if (await _outbox.LeaseNextAsync(channel.Name, LockDuration, cancellationToken) is not { } lease)
            {
                continue;
            }

            _limiter.Record(chatId, now);
            await DeliverAsync(lease, chatId, cancellationToken);
            delivered = true;
        }

        return delivered ? TimeSpan.Zero : wait;
    }

    private async Task DeliverAsync(OutboxLease lease, long chatId, CancellationToken cancellationToken)
    {
        TelegramPost? post;
        try
        {
            post = JsonSerializer.Deserialize(lease.Payload, TelegramJsonContext.Default.TelegramPost);
        }
        catch (JsonException ex)
        {
            post = null;
            TelegramLog.DeliveryAbandoned(_logger, "item", chatId, lease.Attempts, lease.Id, ex.Message);
        }

        if (post is null)
        {
            await _outbox.DeadLetterAsync(lease, "The payload cannot be read.", cancellationToken);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            await _sender.SendAsync(post, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await HandleFailureAsync(lease, post, ex, cancellationToken);
            return;
        }

        await SettleAsync(() => _outbox.CompleteAsync(lease, cancellationToken));
        TelegramLog.Delivered(_logger, post.Kind.ToString(), chatId, lease.Id);
    }

    private async Task HandleFailureAsync(OutboxLease lease, TelegramPost post, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception is OperationCanceledException
            ? $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s"
            : _connection.Describe(exception);
        var kind = post.Kind.ToString();
        switch (TelegramFailure.Classify(exception, out var retryAfter))
        {
            case TelegramFailureKind.RetryAfter:
                _limiter.PauseUntil(_time.GetUtcNow() + retryAfter);
                TelegramLog.RateLimited(_logger, (int)retryAfter.TotalSeconds, post.ChatId);
                await SettleAsync(() => _outbox.RescheduleAsync(lease, retryAfter, lease.Attempts, error, cancellationToken));
                return;
            case TelegramFailureKind.NothingToChange:
                await SettleAsync(() => _outbox.CompleteAsync(lease, cancellationToken));
                return;
            case TelegramFailureKind.Rejected when lease.Attempts + 1 >= _options.MaxAttemptsWhenRejected:
                TelegramLog.DeliveryAbandoned(_logger, kind, post.ChatId, lease.Attempts + 1, lease.Id, error);
                await SettleAsync(() => _outbox.DeadLetterAsync(lease, error, cancellationToken));
                return;
            default:
                var attempts = lease.Attempts + 1;
                var delay = _backoff.DelayAfter(attempts);
                TelegramLog.DeliveryFailed(_logger, kind, post.ChatId, attempts, delay.TotalMilliseconds, error);
                await SettleAsync(() => _outbox.RescheduleAsync(lease, delay, attempts, error, cancellationToken));
                return;
        }
    }

    private static async Task SettleAsync(Func<Task> settle)
    {
        try
        {
            await settle();
        }
        catch (LockLostException)
        {
            // The call outlived the lock and the item was taken again; that delivery settles it.
        }
    }
}

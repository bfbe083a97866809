using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Hosting;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Telemetry;

namespace SmsGateway.Telegram.Updates;

/// <summary>
/// Records a received update durably in the inbox (the first step for webhook and polling alike) and wakes the
/// processor. The inbox is bounded (<c>Telegram:InboxCapacity</c>): callers ask <see cref="HasRoomAsync"/> first
/// and, while it is full, leave the updates with Telegram, which keeps them and hands them out again.
/// </summary>
public sealed class TelegramUpdateRecorder
{
    private static readonly TimeSpan CountRefresh = TimeSpan.FromSeconds(5);

    private readonly IChatInbox _inbox;
    private readonly TelegramSignals _signals;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TelegramMetrics? _metrics;
    private readonly BacklogGauge _gauge;
    private int _full;

    public TelegramUpdateRecorder(
        IChatInbox inbox,
        TelegramSignals signals,
        TimeProvider time,
        IOptions<TelegramOptions> options,
        ILogger<TelegramUpdateRecorder> logger,
        TelegramMetrics? metrics = null)
    {
        _inbox = inbox;
        _signals = signals;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _gauge = new BacklogGauge(inbox.CountPendingAsync, options.Value.InboxCapacity, CountRefresh, time);
    }

    /// <summary>False while the inbox holds <c>Telegram:InboxCapacity</c> updates not yet acted on.</summary>
    public async ValueTask<bool> HasRoomAsync(CancellationToken cancellationToken)
    {
        if (await _gauge.HasRoomAsync(cancellationToken))
        {
            Volatile.Write(ref _full, 0);
            return true;
        }

        if (Interlocked.Exchange(ref _full, 1) == 0)
        {
            TelegramLog.InboxFull(_logger, _gauge.Pending, _gauge.Capacity);
        }

        _metrics?.UpdatesDeferred();
        return false;
    }

    /// <summary>How many more updates fit, as far as the last count knows.</summary>
    public int Room => _gauge.Capacity - _gauge.Pending;

    /// <summary>True when the update is new; false when it was recorded before (Telegram repeated it).</summary>
    public async Task<bool> RecordAsync(long updateId, string json, CancellationToken cancellationToken)
    {
        var added = await _inbox.AddAsync(new ChatUpdate(updateId, json, _time.GetUtcNow()), cancellationToken);
        if (added)
        {
            _gauge.Added();
            TelegramLog.UpdateRecorded(_logger, updateId);
            _signals.Updates.Pulse();
        }
        else
        {
            TelegramLog.DuplicateUpdate(_logger, updateId);
        }

        return added;
    }
}

using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Agent.Security;

/// <summary>
/// How many SMS (destinations) each API client had accepted today (UTC), journaled in the gateway's
/// database so that a restart does not reset the day's count. A replayed message (same
/// Idempotency-Key) is counted once.
/// </summary>
public sealed class DailySendLedger(TimeProvider time, ILimitJournal? journal = null)
{
    public const string JournalKind = "key-day";

    private readonly Dictionary<string, Usage> _usage = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateOnly? _loadedDay;

    /// <summary>False when <paramref name="client"/> reached its cap; then <paramref name="retryAfter"/> is the time to the next UTC day.</summary>
    public bool HasRoom(ApiClient client, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        retryAfter = now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
        if (client.DailyCap <= 0)
        {
            return true;
        }

        lock (_lock)
        {
            return Today(client.Name, now).Count < client.DailyCap;
        }
    }

    /// <summary>Counts an accepted message's destinations, once per message id.</summary>
    public void Record(ApiClient client, string messageId, int destinations)
    {
        if (client.DailyCap <= 0)
        {
            // No cap, nothing to keep: spares a journal write per message.
            return;
        }

        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (Today(client.Name, now).Add(messageId, destinations))
            {
                journal?.Append(new LimitEntry(JournalKind, client.Name, messageId, now, destinations));
            }
        }
    }

    private Usage Today(string client, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        LoadOnce(day);
        if (!_usage.TryGetValue(client, out var usage) || usage.Day != day)
        {
            _usage[client] = usage = new Usage(day);
        }

        return usage;
    }

    // The day's journal, read once per UTC day (a restart reads it again).
    private void LoadOnce(DateOnly day)
    {
        if (journal is null || _loadedDay == day)
        {
            return;
        }

        _loadedDay = day;
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var entry in journal.Read(JournalKind, midnight))
        {
            if (!_usage.TryGetValue(entry.Key, out var usage) || usage.Day != day)
            {
                _usage[entry.Key] = usage = new Usage(day);
            }

            usage.Add(entry.Reference, entry.Count);
        }
    }

    private sealed class Usage(DateOnly day)
    {
        private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);

        public DateOnly Day { get; } = day;

        public int Count { get; private set; }

        public bool Add(string messageId, int destinations)
        {
            if (!_messageIds.Add(messageId))
            {
                return false;
            }

            Count += destinations;
            return true;
        }
    }
}

namespace SmsGateway.Agent.Security;

/// <summary>
/// How many SMS (destinations) each API client had accepted today (UTC). Kept in memory: a restart
/// starts the day's count again, which keeps this a brake, not an exact quota (see docs/SECURITY.md).
/// A replayed message (same Idempotency-Key) is counted once.
/// </summary>
public sealed class DailySendLedger(TimeProvider time)
{
    private readonly Dictionary<string, Usage> _usage = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

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
        lock (_lock)
        {
            var usage = Today(client.Name, time.GetUtcNow());
            if (usage.MessageIds.Add(messageId))
            {
                usage.Count += destinations;
            }
        }
    }

    private Usage Today(string client, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (!_usage.TryGetValue(client, out var usage) || usage.Day != day)
        {
            _usage[client] = usage = new Usage(day);
        }

        return usage;
    }

    private sealed class Usage(DateOnly day)
    {
        public DateOnly Day { get; } = day;

        public int Count { get; set; }

        public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);
    }
}

using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Agent.Security;

/// <summary>
/// How many SMS (destinations) each API client had accepted today (UTC), kept in memory. The day's count is rebuilt
/// from the stored messages (each carries its client) the first time a day is asked about, so a restart — kill -9
/// included — does not reset it, and counting a request writes nothing beside the message itself. A replayed
/// message (same Idempotency-Key) is not counted again: intake marks its answer as a replay. Only counts are kept,
/// so memory does not grow with the day's messages.
/// </summary>
public sealed class DailySendLedger(TimeProvider time, IMessageHistory? history = null)
{
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

    /// <summary>Counts a newly accepted message's destinations.</summary>
    public void Record(ApiClient client, int destinations)
    {
        if (client.DailyCap <= 0)
        {
            return;
        }

        lock (_lock)
        {
            Today(client.Name, time.GetUtcNow()).Add(destinations);
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

    // The day's messages, read once per UTC day (a restart reads them again).
    private void LoadOnce(DateOnly day)
    {
        if (history is null || _loadedDay == day)
        {
            return;
        }

        _loadedDay = day;
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var message in history.ReadCreatedSince(midnight))
        {
            if (message.Client is not { } client)
            {
                continue;
            }

            if (!_usage.TryGetValue(client, out var usage) || usage.Day != day)
            {
                _usage[client] = usage = new Usage(day);
            }

            usage.Add(ChargedDestinations.Of(message).Count());
        }
    }

    private sealed class Usage(DateOnly day)
    {
        public DateOnly Day { get; } = day;

        public int Count { get; private set; }

        public void Add(int destinations) => Count += destinations;
    }
}

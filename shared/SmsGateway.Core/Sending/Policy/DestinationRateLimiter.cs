namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// At most <c>perHour</c> SMS to one number in any hour (a sliding window), counted in memory and, when
/// the host has a <see cref="ILimitJournal"/>, journaled so that a restart picks the last hour up again.
/// </summary>
internal sealed class DestinationRateLimiter(int perHour, TimeProvider time, ILimitJournal? journal = null)
{
    public const string JournalKind = "destination-hour";

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private bool _loaded;

    /// <summary>
    /// Counts one SMS to each of <paramref name="numbers"/>, or none of them when one is at its limit:
    /// then <paramref name="limited"/> is that number and <paramref name="retryAfter"/> when it has room again.
    /// </summary>
    public bool TryAdmit(IReadOnlyList<string> numbers, out string? limited, out TimeSpan retryAfter)
    {
        limited = null;
        retryAfter = TimeSpan.Zero;
        if (perHour <= 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            LoadOnce(now);
            Sweep(now);
            foreach (var number in numbers)
            {
                if (_recent.TryGetValue(number, out var sent) && Trim(sent, now).Count >= perHour)
                {
                    limited = number;
                    retryAfter = sent.Peek() + Window - now;
                    return false;
                }
            }

            foreach (var number in numbers)
            {
                if (!_recent.TryGetValue(number, out var sent))
                {
                    _recent[number] = sent = new Queue<DateTimeOffset>();
                }

                sent.Enqueue(now);
                journal?.Append(new LimitEntry(JournalKind, number, Guid.NewGuid().ToString("N"), now, 1));
            }

            return true;
        }
    }

    private void LoadOnce(DateTimeOffset now)
    {
        if (_loaded || journal is null)
        {
            return;
        }

        _loaded = true;
        foreach (var entry in journal.Read(JournalKind, now - Window))
        {
            if (!_recent.TryGetValue(entry.Key, out var sent))
            {
                _recent[entry.Key] = sent = new Queue<DateTimeOffset>();
            }

            sent.Enqueue(entry.At);
        }
    }

    private static Queue<DateTimeOffset> Trim(Queue<DateTimeOffset> sent, DateTimeOffset now)
    {
        while (sent.Count > 0 && sent.Peek() + Window <= now)
        {
            sent.Dequeue();
        }

        return sent;
    }

    // Numbers not sent to for an hour are forgotten, so the table holds only the last hour's numbers.
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (number, sent) in _recent)
        {
            if (Trim(sent, now).Count == 0)
            {
                _recent.Remove(number);
            }
        }
    }
}

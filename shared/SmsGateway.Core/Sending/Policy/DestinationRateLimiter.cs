using System.Diagnostics.CodeAnalysis;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// At most <c>perHour</c> SMS to one number in any hour (a sliding window), counted in memory. At first use the
/// last hour is counted again from the stored messages (<see cref="IMessageHistory"/>), so a restart — even after
/// kill -9 — hands out no fresh allowance, and counting costs no write of its own.
/// </summary>
internal sealed class DestinationRateLimiter(int perHour, TimeProvider time, IMessageHistory? history = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private bool _loaded;

    /// <summary>
    /// Holds one SMS to each of <paramref name="numbers"/>, or none of them when one is at its limit: then
    /// <paramref name="limited"/> is that number and when it has room again.
    /// </summary>
    public bool TryHold(IReadOnlyList<string> numbers, [NotNullWhen(true)] out DestinationHold? hold, [NotNullWhen(false)] out LimitedNumber? limited)
    {
        hold = null;
        limited = null;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            LoadOnce(now);
            Sweep(now);
            foreach (var number in numbers)
            {
                if (_recent.TryGetValue(number, out var sent) && Trim(sent, now).Count >= perHour)
                {
                    limited = new LimitedNumber(number, sent.Peek() + Window - now);
                    return false;
                }
            }

            foreach (var number in numbers)
            {
                Add(number, now);
            }

            hold = new DestinationHold(numbers, now);
            return true;
        }
    }

    /// <summary>Gives back what <paramref name="hold"/> counted.</summary>
    public void Release(DestinationHold hold)
    {
        lock (_lock)
        {
            foreach (var number in hold.Numbers)
            {
                if (_recent.TryGetValue(number, out var sent))
                {
                    RemoveOne(sent, hold.At);
                }
            }
        }
    }

    private void Add(string number, DateTimeOffset at)
    {
        if (!_recent.TryGetValue(number, out var sent))
        {
            _recent[number] = sent = new Queue<DateTimeOffset>();
        }

        sent.Enqueue(at);
    }

    // Rare (a replay or a refusal after the hold) and short (at most perHour entries), so a rebuild is fine.
    private static void RemoveOne(Queue<DateTimeOffset> sent, DateTimeOffset at)
    {
        var kept = sent.ToList();
        var index = kept.LastIndexOf(at);
        if (index < 0)
        {
            return;
        }

        kept.RemoveAt(index);
        sent.Clear();
        foreach (var entry in kept)
        {
            sent.Enqueue(entry);
        }
    }

    private void LoadOnce(DateTimeOffset now)
    {
        if (_loaded || history is null)
        {
            return;
        }

        _loaded = true;
        foreach (var message in history.ReadCreatedSince(now - Window))
        {
            foreach (var destination in ChargedDestinations.Of(message))
            {
                Add(destination.Address, message.CreatedAt);
            }
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

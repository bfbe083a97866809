namespace SmsGateway.Core.Hosting;

/// <summary>
/// Answers "is there room in this durable backlog?" for a writer that must refuse work past a capacity,
/// without counting the backlog on every write: counting a Table-storage backlog costs a scan. The count is
/// taken again once it is older than the refresh interval, or after <see cref="FullRecheck"/> while it says
/// full (so room that the consumer made is seen soon). Writes in between are added locally; what the
/// consumer removed is only seen at the next count, so the gauge errs towards full, never past capacity
/// by more than the writers that raced one count.
/// </summary>
public sealed class BacklogGauge
{
    /// <summary>While full, how long a count is trusted before the backlog is counted again.</summary>
    public static readonly TimeSpan FullRecheck = TimeSpan.FromSeconds(1);

    private readonly Func<CancellationToken, Task<int>> _count;
    private readonly TimeSpan _refresh;
    private readonly TimeProvider _time;
    private int _pending;

    // 1 while a count runs: callers meanwhile go by the last count rather than count again.
    private int _counting;
    private long _countedAtTicks = long.MinValue;

    public BacklogGauge(Func<CancellationToken, Task<int>> count, int capacity, TimeSpan refresh, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _count = count;
        Capacity = capacity;
        _refresh = refresh;
        _time = time;
    }

    public int Capacity { get; }

    /// <summary>The backlog at the last count plus what was added since (the consumer's removals not seen yet).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>True while the backlog (as last counted, plus additions since) is below capacity.</summary>
    public async ValueTask<bool> HasRoomAsync(CancellationToken cancellationToken)
    {
        if (IsStale() && Interlocked.CompareExchange(ref _counting, 1, 0) == 0)
        {
            try
            {
                var counted = await _count(cancellationToken);
                Volatile.Write(ref _pending, counted);
                Volatile.Write(ref _countedAtTicks, _time.GetUtcNow().UtcTicks);
            }
            finally
            {
                Volatile.Write(ref _counting, 0);
            }
        }

        return Pending < Capacity;
    }

    /// <summary>Counts one item the caller has just added.</summary>
    public void Added()
    {
        // Full from now on, as far as this gauge knows: the second before counting again starts here, not at the
        // last count (which may be older than a second when the writes that filled the backlog were slow).
        if (Interlocked.Increment(ref _pending) >= Capacity)
        {
            Volatile.Write(ref _countedAtTicks, _time.GetUtcNow().UtcTicks);
        }
    }

    private bool IsStale()
    {
        var countedAt = Volatile.Read(ref _countedAtTicks);
        if (countedAt == long.MinValue)
        {
            return true;
        }

        var age = TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - countedAt);
        return age >= _refresh || (Pending >= Capacity && age >= FullRecheck);
    }
}

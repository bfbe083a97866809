namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// A sliding hour estimated from two fixed hourly counts, as a shared store can keep them cheaply: the current
/// hour's count plus the previous hour's, weighted by how much of it the sliding hour still covers. Exact when
/// the previous hour's SMS were spread evenly; otherwise off by at most that hour's count in either direction
/// for the part of the hour that overlaps.
/// </summary>
public static class HourWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>The start of the fixed hour that <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset BucketOf(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>How far into its fixed hour <paramref name="now"/> is, from 0 to 1.</summary>
    public static double Elapsed(DateTimeOffset now) => (now - BucketOf(now)) / Length;

    /// <summary>The SMS in the sliding hour ending at <paramref name="now"/>.</summary>
    public static double Estimate(long previous, long current, DateTimeOffset now) => (previous * (1 - Elapsed(now))) + current;

    /// <summary>True when one more SMS fits under <paramref name="perHour"/>.</summary>
    public static bool HasRoom(long previous, long current, int perHour, DateTimeOffset now) =>
        Estimate(previous, current, now) + 1 <= perHour + 1e-9;

    /// <summary>How long until one more SMS fits (zero when it fits now).</summary>
    public static TimeSpan RetryAfter(long previous, long current, int perHour, DateTimeOffset now)
    {
        var elapsed = Elapsed(now);
        var room = perHour - 1.0;

        // Still in this hour: the previous hour's weight fades until the estimate leaves room.
        if (current <= room)
        {
            if (previous == 0)
            {
                return TimeSpan.Zero;
            }

            var needed = 1 - ((room - current) / previous);
            return needed <= elapsed ? TimeSpan.Zero : (needed - elapsed) * Length;
        }

        // Only in the next hour, once this hour's weight has faded enough.
        var nextNeeded = current == 0 ? 0 : Math.Clamp(1 - (room / current), 0, 1);
        return ((1 - elapsed) + nextNeeded) * Length;
    }
}

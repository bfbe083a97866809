namespace SmsGateway.Modem.Pdu;

/// <summary>TP-VP in relative format (TS 23.040 §9.2.3.12.1).</summary>
internal static class ValidityPeriodCodec
{
    /// <summary>Encodes <paramref name="period"/>, rounding up so a message never expires before it was asked to; beyond 63 weeks it is capped.</summary>
    public static byte ToRelative(TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Validity period must be positive.");
        }

        var minutes = Math.Ceiling(period.TotalMinutes);
        if (minutes <= 12 * 60)
        {
            // 0-143: (value + 1) * 5 minutes.
            return (byte)Math.Max(0, Math.Ceiling(minutes / 5) - 1);
        }

        if (minutes <= 24 * 60)
        {
            // 144-167: 12 hours + (value - 143) * 30 minutes.
            return (byte)(143 + Math.Ceiling((minutes - 720) / 30));
        }

        var days = Math.Ceiling(minutes / (24 * 60));
        if (days <= 30)
        {
            // 168-196: (value - 166) days; 2 days is the first step after 24 hours.
            return (byte)(166 + Math.Max(2, days));
        }

        // 197-255: (value - 192) weeks.
        return (byte)Math.Min(255, 192 + Math.Ceiling(days / 7));
    }

    public static TimeSpan FromRelative(byte value) => value switch
    {
        <= 143 => TimeSpan.FromMinutes((value + 1) * 5),
        <= 167 => TimeSpan.FromMinutes(720 + ((value - 143) * 30)),
        <= 196 => TimeSpan.FromDays(value - 166),
        _ => TimeSpan.FromDays((value - 192) * 7),
    };
}

namespace SmsGateway.Modem.Pdu;

/// <summary>TP-SCTS / TP-DT / absolute TP-VP: seven swapped-BCD octets YY MM DD hh mm ss TZ (TS 23.040 §9.2.3.11).</summary>
internal static class TimestampCodec
{
    public const int Length = 7;

    // The zone is in quarter hours; DateTimeOffset allows ±14 h.
    private const int MaxQuarterHours = 14 * 4;

    public static void Write(List<byte> pdu, DateTimeOffset timestamp, string paramName)
    {
        var quarters = timestamp.Offset.TotalMinutes / 15;
        if (timestamp.Year is < 1990 or > 2089 || quarters != Math.Truncate(quarters))
        {
            throw new ArgumentException("Timestamp must be in 1990-2089 with a whole number of quarter hours of offset.", paramName);
        }

        pdu.Add(Bcd(timestamp.Year % 100));
        pdu.Add(Bcd(timestamp.Month));
        pdu.Add(Bcd(timestamp.Day));
        pdu.Add(Bcd(timestamp.Hour));
        pdu.Add(Bcd(timestamp.Minute));
        pdu.Add(Bcd(timestamp.Second));
        var zone = Bcd(Math.Abs((int)quarters));
        pdu.Add(quarters < 0 ? (byte)(zone | 0x08) : zone);
    }

    public static DateTimeOffset Read(PduReader reader, string field)
    {
        var octets = reader.ReadBytes(Length, field);
        var year = FromBcd(octets[0], field);
        var month = FromBcd(octets[1], field);
        var day = FromBcd(octets[2], field);
        var hour = FromBcd(octets[3], field);
        var minute = FromBcd(octets[4], field);
        var second = FromBcd(octets[5], field);

        // Bit 3 of the zone octet is the sign; the rest is swapped BCD quarter hours.
        var quarters = FromBcd((byte)(octets[6] & 0xF7), field);
        var negative = (octets[6] & 0x08) != 0;

        // Two-digit years: no SMS predates 1990, so 90-99 are the last century.
        year += year >= 90 ? 1900 : 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || quarters > MaxQuarterHours)
        {
            throw new PduFormatException($"{field} is not a valid date and time: {Convert.ToHexString(octets)}.");
        }

        var offset = TimeSpan.FromMinutes((negative ? -quarters : quarters) * 15);
        return new DateTimeOffset(year, month, day, hour, minute, second, offset);
    }

    private static byte Bcd(int value) => (byte)(((value % 10) << 4) | (value / 10));

    private static int FromBcd(byte octet, string field)
    {
        int low = octet & 0x0F;
        int high = octet >> 4;
        return low <= 9 && high <= 9
            ? (low * 10) + high
            : throw new PduFormatException($"{field} has a non-decimal semi-octet in 0x{octet:X2}.");
    }
}

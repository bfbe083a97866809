namespace SmsGateway.Modem.Pdu;

/// <summary>Packs GSM 7-bit septets into octets, least significant bit first (TS 23.038 §6.1.2.1.1).</summary>
internal static class SeptetPacker
{
    /// <summary>Packs <paramref name="septets"/> after <paramref name="fillBits"/> zero bits (the fill that aligns text after a UDH).</summary>
    public static byte[] Pack(ReadOnlySpan<byte> septets, int fillBits = 0)
    {
        var packed = new byte[PackedLength(septets.Length, fillBits)];
        for (var i = 0; i < septets.Length; i++)
        {
            var bit = fillBits + (7 * i);
            var value = septets[i] & 0x7F;
            var shift = bit % 8;
            packed[bit / 8] |= (byte)(value << shift);
            if (shift > 1)
            {
                packed[(bit / 8) + 1] |= (byte)(value >> (8 - shift));
            }
        }

        return packed;
    }

    /// <summary>Unpacks <paramref name="count"/> septets starting <paramref name="bitOffset"/> bits into <paramref name="octets"/>.</summary>
    /// <remarks>The caller guarantees <c>PackedLength(count, bitOffset) &lt;= octets.Length</c>.</remarks>
    public static byte[] Unpack(ReadOnlySpan<byte> octets, int bitOffset, int count)
    {
        var septets = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var bit = bitOffset + (7 * i);
            var shift = bit % 8;
            var value = octets[bit / 8] >> shift;
            if (shift > 1)
            {
                value |= octets[(bit / 8) + 1] << (8 - shift);
            }

            septets[i] = (byte)(value & 0x7F);
        }

        return septets;
    }

    /// <summary>Octets needed for <paramref name="septets"/> septets after <paramref name="bitOffset"/> bits.</summary>
    public static int PackedLength(int septets, int bitOffset = 0) => (bitOffset + (7 * septets) + 7) / 8;
}

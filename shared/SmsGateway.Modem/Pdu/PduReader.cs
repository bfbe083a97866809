namespace SmsGateway.Modem.Pdu;

/// <summary>Reads a PDU front to back; every read is bounds-checked and fails with a <see cref="PduFormatException"/> naming the field.</summary>
internal sealed class PduReader
{
    private readonly byte[] _octets;

    public PduReader(byte[] octets) => _octets = octets;

    public int Position { get; private set; }

    public int Remaining => _octets.Length - Position;

    /// <summary>Parses hex text (surrounding white space allowed) into octets.</summary>
    public static byte[] ParseHex(string? hex)
    {
        var text = (hex ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new PduFormatException("PDU is empty.");
        }

        if (text.Length == 1)
        {
            throw new PduFormatException("PDU has an odd number of hex digits (1).");
        }

        // A PDU cut off in the middle of an octet (gammu's corpus has one): the half octet carries nothing.
        if (text.Length % 2 != 0)
        {
            text = text[..^1];
        }

        var octets = new byte[text.Length / 2];
        for (var i = 0; i < octets.Length; i++)
        {
            octets[i] = (byte)((Nibble(text, 2 * i) << 4) | Nibble(text, (2 * i) + 1));
        }

        return octets;
    }

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _octets[Position++];
    }

    public byte[] ReadBytes(int count, string field)
    {
        Require(count, field);
        var result = _octets.AsSpan(Position, count).ToArray();
        Position += count;
        return result;
    }

    private void Require(int count, string field)
    {
        if (count > Remaining)
        {
            throw new PduFormatException(
                $"PDU ends inside {field}: needs {count} octet(s) at offset {Position}, {Remaining} left.");
        }
    }

    private static int Nibble(string text, int index)
    {
        var c = text[index];
        return c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => throw new PduFormatException($"PDU has a non-hex character '{c}' at position {index}."),
        };
    }
}

namespace SmsGateway.Modem.Driver;

/// <summary>One message in the modem's storage as <c>AT+CMGL</c> / <c>AT+CMGR</c> show it in PDU mode.</summary>
/// <param name="Index">Storage index, for <c>AT+CMGD</c>.</param>
/// <param name="Status">0 received unread, 1 received read, 2 stored unsent, 3 stored sent.</param>
/// <param name="TpduLength">Octets of the PDU without its SMSC part.</param>
/// <param name="Pdu">The PDU in hex.</param>
internal sealed record StoredSms(int Index, int Status, int TpduLength, string Pdu)
{
    /// <summary>Messages this SIM sent or drafted, not received ones: never handed over, never deleted.</summary>
    public bool IsOutgoing => Status is 2 or 3;

    /// <summary>Parses the <c>+CMGL:</c> header/PDU line pairs of an <c>AT+CMGL</c> answer.</summary>
    public static List<StoredSms> ParseList(IReadOnlyList<string> lines)
    {
        var result = new List<StoredSms>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!lines[i].StartsWith("+CMGL:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = AtValueParser.Fields(lines[i]["+CMGL:".Length..]);
            if (AtValueParser.Int(fields, 0) is { } index && AtValueParser.Int(fields, 1) is { } status && AtValueParser.Int(fields, fields.Count - 1) is { } length)
            {
                result.Add(new StoredSms(index, status, length, lines[i + 1]));
                i++;
            }
        }

        return result;
    }

    /// <summary>Parses an <c>AT+CMGR=index</c> answer; null when the slot is empty.</summary>
    public static StoredSms? ParseRead(int index, IReadOnlyList<string> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].StartsWith("+CMGR:", StringComparison.OrdinalIgnoreCase))
            {
                var fields = AtValueParser.Fields(lines[i]["+CMGR:".Length..]);
                if (AtValueParser.Int(fields, 0) is { } status && AtValueParser.Int(fields, fields.Count - 1) is { } length)
                {
                    return new StoredSms(index, status, length, lines[i + 1]);
                }
            }
        }

        return null;
    }
}

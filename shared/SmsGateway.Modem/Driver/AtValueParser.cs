using System.Globalization;

namespace SmsGateway.Modem.Driver;

/// <summary>Reads the comma-separated values of AT information lines (quotes may hide commas).</summary>
internal static class AtValueParser
{
    public static List<string> Fields(string? value)
    {
        var fields = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return fields;
        }

        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == ',' && !quoted)
            {
                fields.Add(Unquote(value[start..i]));
                start = i + 1;
            }
        }

        fields.Add(Unquote(value[start..]));
        return fields;
    }

    public static int? Int(IReadOnlyList<string> fields, int index) =>
        index < fields.Count && int.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string? Text(IReadOnlyList<string> fields, int index) =>
        index < fields.Count && fields[index].Length > 0 ? fields[index] : null;

    /// <summary><c>AT+CSQ</c> "rssi,ber": rssi 0..31 is -113 dBm in steps of 2; 99 means unknown.</summary>
    public static int? SignalDbm(string? csq) => RssiToDbm(Int(Fields(csq), 0));

    public static int? RssiToDbm(int? rssi) => rssi is >= 0 and <= 31 ? -113 + (2 * rssi.Value) : null;

    /// <summary>
    /// Registration from <c>+CREG</c>: the response to <c>AT+CREG?</c> is "n,stat[,lac,ci]", the URC is "stat[,lac,ci]".
    /// Status 1 is home, 5 roaming.
    /// </summary>
    public static (bool Registered, bool Roaming)? Registration(string? creg, bool unsolicited)
    {
        var fields = Fields(creg);
        var stat = unsolicited || fields.Count == 1 ? Int(fields, 0) : Int(fields, 1);
        return stat is null ? null : (stat is 1 or 5, stat == 5);
    }

    /// <summary>The operator of <c>+COPS: mode,format,"name",act</c>; null when not registered.</summary>
    public static string? Operator(string? cops) => Text(Fields(cops), 2);

    /// <summary>The first storage of <c>+CPMS: "SM",used,total,...</c>.</summary>
    public static (string Storage, int Used, int Total)? Storage(string? cpms)
    {
        var fields = Fields(cpms);
        return Text(fields, 0) is { } name && Int(fields, 1) is { } used && Int(fields, 2) is { } total ? (name, used, total) : null;
    }

    /// <summary>The message index of <c>+CMTI: "SM",3</c> / <c>+CDSI: "SM",3</c>.</summary>
    public static int? StorageIndex(string? cmti)
    {
        var fields = Fields(cmti);
        return Int(fields, fields.Count - 1);
    }

    /// <summary>An identity answer: either the plain line or <c>+CGMI: "value"</c>.</summary>
    public static string? Identity(IReadOnlyList<string> lines, string prefix)
    {
        foreach (var line in lines)
        {
            var value = line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? line[prefix.Length..] : line;
            value = Unquote(value.Trim());
            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}

using System.Globalization;

namespace SmsGateway.Modem.At;

/// <summary>Knows which lines end a command and which are unsolicited result codes.</summary>
internal static class AtLineClassifier
{
    // Call-related codes are URCs here: the gateway never dials, so they can only come from incoming calls.
    private static readonly HashSet<string> ExactUrcs = new(StringComparer.OrdinalIgnoreCase)
    {
        "RING", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE", "RDY", "Call Ready", "SMS Ready", "PB DONE",
    };

    private static readonly HashSet<string> NamedUrcs = new(StringComparer.OrdinalIgnoreCase)
    {
        "+CMTI", "+CDSI", "+CMT", "+CDS", "+CBM", "+CBMI", "+CREG", "+CGREG", "+CEREG", "+C5GREG", "+CIEV",
        "+CUSD", "+CRING", "+CLIP", "+CCWA", "+CPIN", "+CFUN", "+CTZV", "+CTZE", "+CTZEU", "+QIND", "+QUSIM",
        "+STIN", "+CSQN", "*PSUTTZ", "DST",
    };

    /// <summary>URCs whose next line is part of them (the PDU in PDU mode).</summary>
    private static readonly HashSet<string> UrcsWithBody = new(StringComparer.OrdinalIgnoreCase) { "+CMT", "+CDS", "+CBM" };

    public static bool TryParseFinal(string line, out AtFinalResult result)
    {
        if (line.Equals("OK", StringComparison.OrdinalIgnoreCase))
        {
            result = new AtFinalResult(true, AtErrorKind.Error, null, line);
            return true;
        }

        if (line.Equals("ERROR", StringComparison.OrdinalIgnoreCase)
            || line.Equals("COMMAND NOT SUPPORT", StringComparison.OrdinalIgnoreCase)
            || line.Equals("TOO MANY PARAMETERS", StringComparison.OrdinalIgnoreCase))
        {
            result = new AtFinalResult(false, AtErrorKind.Error, null, line);
            return true;
        }

        if (TryParseCoded(line, "+CME ERROR:", AtErrorKind.Cme, out result)
            || TryParseCoded(line, "+CMS ERROR:", AtErrorKind.Cms, out result))
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>The name of the URC on this line, or null when the line is not a known URC.</summary>
    public static string? UrcName(string line)
    {
        if (ExactUrcs.Contains(line))
        {
            return line;
        }

        var name = NameOf(line);
        if (name.Length > 1 && (name[0] == '^' || NamedUrcs.Contains(name)))
        {
            return name;
        }

        // "+PACSP1" and similar have no colon.
        return line.StartsWith("+PACSP", StringComparison.OrdinalIgnoreCase) ? "+PACSP" : null;
    }

    public static bool HasBody(string urcName) => UrcsWithBody.Contains(urcName);

    /// <summary>"+CSQ" for "+CSQ: 17,99"; the whole line when there is no colon.</summary>
    public static string NameOf(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? line : line[..colon].Trim();
    }

    /// <summary>
    /// The prefix of the information lines a command answers with: "+CREG:" for "AT+CREG?", "^SYSINFO:" for
    /// "AT^SYSINFO". Lines with it belong to the command even when the same code can also be a URC.
    /// </summary>
    public static string? ExpectedPrefix(string command)
    {
        if (command.Length < 4 || !command.StartsWith("AT", StringComparison.OrdinalIgnoreCase) || command[2] is not ('+' or '^' or '$' or '*' or '#'))
        {
            return null;
        }

        var end = 3;
        while (end < command.Length && char.IsAsciiLetterOrDigit(command[end]))
        {
            end++;
        }

        return end == 3 ? null : string.Concat(command.AsSpan(2, end - 2), ":").ToUpperInvariant();
    }

    /// <summary>
    /// A read or test command (<c>AT+CPIN?</c>, <c>AT+CNMI=?</c>) or <c>AT+CSQ</c>: answered with one information line
    /// that is complete in itself. Lists (<c>AT+CMGL</c>) and actions are not: more may follow, and only the final
    /// result says that the modem is done.
    /// </summary>
    public static bool IsSelfContainedRead(string command) =>
        ExpectedPrefix(command) is not null
        && (command.EndsWith('?') || command.Equals("AT+CSQ", StringComparison.OrdinalIgnoreCase));

    public static bool IsHex(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return line.Length > 0;
    }

    private static bool TryParseCoded(string line, string prefix, AtErrorKind kind, out AtFinalResult result)
    {
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            result = default;
            return false;
        }

        // Textual forms ("+CMS ERROR: Unknown error") carry no usable code.
        int? code = int.TryParse(line.AsSpan(prefix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        result = new AtFinalResult(false, kind, code, line);
        return true;
    }
}

using System.Globalization;
using System.Text;

namespace SmsGateway.Modem.Simulator;

/// <summary>One command of a command line as the simulated modem parsed it.</summary>
/// <param name="Name">Upper-case name: <c>+CMGS</c>, <c>^CURC</c>, or a basic command letter such as <c>E</c> or <c>&amp;F</c>.</param>
/// <param name="Kind">Execute, read, test or set.</param>
/// <param name="Argument">Raw argument text: after <c>=</c>, or the digits of a basic command.</param>
internal sealed record SimAtCommand(string Name, SimAtCommandKind Kind, string Argument)
{
    /// <summary>Splits a command line after its <c>AT</c> prefix; null when it cannot be parsed.</summary>
    public static IReadOnlyList<SimAtCommand>? ParseLine(string body)
    {
        var commands = new List<SimAtCommand>();
        var pos = 0;
        if (body.Length == 0)
        {
            return [new SimAtCommand(string.Empty, SimAtCommandKind.Execute, string.Empty)];
        }

        while (pos < body.Length)
        {
            var c = body[pos];
            if (c is ';' or ' ')
            {
                pos++;
            }
            else if (c is '+' or '^' or '$' or '*' or '#' or '%')
            {
                commands.Add(ParseExtended(body, ref pos));
            }
            else if (char.IsAsciiLetter(c) || c == '&')
            {
                if (ParseBasic(body, ref pos) is not { } basic)
                {
                    return null;
                }

                commands.Add(basic);
            }
            else
            {
                return null;
            }
        }

        return commands;
    }

    /// <summary>The comma-separated arguments, surrounding quotes removed.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in Argument)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                result.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        result.Add(current.ToString().Trim());
        return result;
    }

    /// <summary>The argument at <paramref name="index"/> as an integer, or null when missing or not a number.</summary>
    public int? IntArgument(int index)
    {
        var arguments = Arguments();
        return index < arguments.Count
            && int.TryParse(arguments[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
    }

    private static SimAtCommand ParseExtended(string body, ref int pos)
    {
        var start = pos++;
        while (pos < body.Length && (char.IsAsciiLetterOrDigit(body[pos]) || body[pos] == '_'))
        {
            pos++;
        }

        var name = body[start..pos].ToUpperInvariant();
        if (body.AsSpan(pos).StartsWith("=?"))
        {
            pos += 2;
            return new SimAtCommand(name, SimAtCommandKind.Test, string.Empty);
        }

        if (pos < body.Length && body[pos] == '?')
        {
            pos++;
            return new SimAtCommand(name, SimAtCommandKind.Read, string.Empty);
        }

        if (pos < body.Length && body[pos] == '=')
        {
            var argumentStart = ++pos;
            var quoted = false;
            while (pos < body.Length && (quoted || body[pos] != ';'))
            {
                quoted ^= body[pos] == '"';
                pos++;
            }

            return new SimAtCommand(name, SimAtCommandKind.Set, body[argumentStart..pos]);
        }

        return new SimAtCommand(name, SimAtCommandKind.Execute, string.Empty);
    }

    private static SimAtCommand? ParseBasic(string body, ref int pos)
    {
        var start = pos;
        if (body[pos] == '&')
        {
            pos++;
            if (pos == body.Length || !char.IsAsciiLetter(body[pos]))
            {
                return null;
            }
        }

        var name = body.Substring(start, pos - start + 1).ToUpperInvariant();
        pos++;
        if (name == "D")
        {
            // Dial takes the rest of the line.
            var dial = body[pos..];
            pos = body.Length;
            return new SimAtCommand(name, SimAtCommandKind.Set, dial);
        }

        if (name == "S")
        {
            var registerStart = pos;
            while (pos < body.Length && char.IsAsciiDigit(body[pos]))
            {
                pos++;
            }

            var register = "S" + body[registerStart..pos];
            if (pos < body.Length && body[pos] == '?')
            {
                pos++;
                return new SimAtCommand(register, SimAtCommandKind.Read, string.Empty);
            }

            if (pos < body.Length && body[pos] == '=')
            {
                var valueStart = ++pos;
                while (pos < body.Length && char.IsAsciiDigit(body[pos]))
                {
                    pos++;
                }

                return new SimAtCommand(register, SimAtCommandKind.Set, body[valueStart..pos]);
            }

            return new SimAtCommand(register, SimAtCommandKind.Execute, string.Empty);
        }

        var digitsStart = pos;
        while (pos < body.Length && char.IsAsciiDigit(body[pos]))
        {
            pos++;
        }

        return new SimAtCommand(name, SimAtCommandKind.Execute, body[digitsStart..pos]);
    }
}

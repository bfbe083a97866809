using System.Text;

namespace SmsGateway.Modem.At;

/// <summary>
/// Turns the modem's bytes into lines. Lines end at CR or LF because modems mix "\r\n", "\r" and "\n".
/// While a command waits for the <c>"&gt; "</c> prompt, a line that is only <c>&gt;</c> is the prompt
/// however it is framed: with or without the space, followed by CR LF, by another line in the same read,
/// or by nothing at all (the standard form, with no line end). It is emitted in its place among the lines,
/// so unsolicited lines around it are routed as usual. Noise (NUL, binary bytes, invalid UTF-8) is
/// stripped and the line marked, and an endless line is dropped, so nothing the modem sends can make the
/// reader grow without bound or throw.
/// </summary>
internal sealed class AtLineAssembler
{
    internal const int MaxLineBytes = 4096;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _buffer = new byte[MaxLineBytes];
    private int _length;
    private bool _discarding;

    /// <summary>
    /// Adds bytes and appends every line they complete to <paramref name="lines"/>; with
    /// <paramref name="promptAwaited"/>, also the prompt (<see cref="AtLine.Prompt"/>) where it stands.
    /// </summary>
    public void Append(ReadOnlySpan<byte> data, List<AtLine> lines, bool promptAwaited)
    {
        foreach (var b in data)
        {
            if ((b is (byte)'\r' or (byte)'\n' or (byte)' ') && promptAwaited && TryTakePrompt(lines))
            {
                // The space after '>' (or the line end that some modems put there) belongs to the prompt.
                continue;
            }

            if (b is (byte)'\r' or (byte)'\n')
            {
                _discarding = false;
                FlushLine(lines);
                continue;
            }

            if (_length == _buffer.Length)
            {
                // A line this long is not AT traffic (the longest PDU line is ~360 characters): skip to its end.
                _length = 0;
                _discarding = true;
            }

            if (!_discarding)
            {
                _buffer[_length++] = b;
            }
        }

        // The standard prompt ends the read with no line end: nothing more comes until the payload is written.
        if (promptAwaited)
        {
            TryTakePrompt(lines);
        }
    }

    /// <summary>
    /// When the unfinished line is the prompt (<c>&gt;</c>, possibly after noise or spaces), consumes it,
    /// appends <see cref="AtLine.Prompt"/> and returns true.
    /// </summary>
    private bool TryTakePrompt(List<AtLine> lines)
    {
        var end = _length;
        while (end > 0 && _buffer[end - 1] == (byte)' ')
        {
            end--;
        }

        if (end == 0 || _buffer[end - 1] != (byte)'>')
        {
            return false;
        }

        for (var i = 0; i < end - 1; i++)
        {
            // Printable text before '>' makes it part of a line ("-->" in a text), not the prompt.
            if (_buffer[i] is > (byte)' ' and < 0x7F)
            {
                return false;
            }
        }

        _length = 0;
        lines.Add(AtLine.Prompt);
        return true;
    }

    private void FlushLine(List<AtLine> lines)
    {
        if (_length == 0)
        {
            return;
        }

        var raw = Utf8.GetString(_buffer, 0, _length);
        _length = 0;
        var builder = new StringBuilder(raw.Length);
        var noisy = false;
        foreach (var c in raw)
        {
            // U+FFFD marks invalid UTF-8. Ctrl-Z is expected: modems echo it after a PDU.
            if (c == '\uFFFD' || (char.IsControl(c) && c != '\x1A'))
            {
                noisy = true;
            }
            else if (c != '\x1A')
            {
                builder.Append(c);
            }
        }

        var line = builder.ToString().Trim();
        if (line.Length > 0)
        {
            lines.Add(new AtLine(line, noisy));
        }
    }
}

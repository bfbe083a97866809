using System.Text;

namespace SmsGateway.Modem.Simulator;

/// <summary>The receiving side of a session: command lines and prompt input, echoed as they arrive, lost while hung.</summary>
internal sealed class SimulatorInput(Stream stream, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> echo, Func<bool> isHung)
{
    private const byte CtrlZ = 0x1A;
    private const byte Escape = 0x1B;
    private const int MaxLineLength = 4096;

    private readonly byte[] _buffer = new byte[1024];
    private int _bufferStart;
    private int _bufferEnd;

    /// <summary>Reads the next command line (without CR); null at the end of the stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_bufferStart == _bufferEnd && !await FillAsync(cancellationToken))
            {
                return null;
            }

            if (isHung())
            {
                // A hung modem loses whatever it is sent.
                _bufferStart = _bufferEnd;
                line.Clear();
                continue;
            }

            var start = _bufferStart;
            while (_bufferStart < _bufferEnd)
            {
                var b = _buffer[_bufferStart++];
                if (b == '\r')
                {
                    await EchoAsync(start, _bufferStart, cancellationToken);
                    return line.ToString();
                }

                // LF after CR, a stray ESC or Ctrl-Z outside a prompt: not part of any command.
                if (b is >= 0x20 and < 0x7F && line.Length < MaxLineLength)
                {
                    line.Append((char)b);
                }
            }

            await EchoAsync(start, _bufferEnd, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the PDU typed after the <c>"> "</c> prompt up to Ctrl-Z (sent) or ESC (cancelled); null at the end of the stream.
    /// Characters other than hex digits and line breaks are kept so that validation rejects them.
    /// </summary>
    public async ValueTask<(string Hex, bool Cancelled)?> ReadPduAsync(CancellationToken cancellationToken)
    {
        var hex = new StringBuilder();
        while (true)
        {
            if (_bufferStart == _bufferEnd && !await FillAsync(cancellationToken))
            {
                return null;
            }

            if (isHung())
            {
                _bufferStart = _bufferEnd;
                continue;
            }

            var start = _bufferStart;
            while (_bufferStart < _bufferEnd)
            {
                var b = _buffer[_bufferStart++];
                if (b is CtrlZ or Escape)
                {
                    await EchoAsync(start, _bufferStart - 1, cancellationToken);
                    return (hex.ToString(), b == Escape);
                }

                if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ') && hex.Length < MaxLineLength)
                {
                    hex.Append((char)b);
                }
            }

            await EchoAsync(start, _bufferEnd, cancellationToken);
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_buffer, cancellationToken);
        _bufferStart = 0;
        _bufferEnd = read;
        return read > 0;
    }

    private ValueTask EchoAsync(int start, int end, CancellationToken cancellationToken) =>
        end > start ? echo(_buffer.AsMemory(start, end - start), cancellationToken) : ValueTask.CompletedTask;
}

using System.Text;
using System.Threading.Channels;

namespace SmsGateway.Modem.Tests.At;

/// <summary>
/// A fake modem end of a duplex stream that replays a transcript: each command the code under test writes
/// (terminated by CR, Ctrl-Z or ESC) is matched against the next expected one, or against a standing rule,
/// and the scripted reply is queued as separate reads, one per chunk, so lines split across reads and the
/// prompt without a line end can be reproduced exactly.
/// </summary>
public sealed class ScriptedModemStream : Stream
{
    private readonly Channel<byte[]> _reads = Channel.CreateUnbounded<byte[]>();
    private readonly Queue<(string Command, string[] Reply)> _expected = new();
    private readonly List<(Func<string, bool> Match, Func<string, string[]> Reply)> _rules = [];
    private readonly List<string> _commands = [];
    private readonly List<string> _unexpected = [];
    private readonly StringBuilder _pendingWrite = new();
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _written = new(0);
    private byte[]? _current;
    private int _currentOffset;
    private Exception? _readFailure;

    /// <summary>Every command written so far, terminators removed; a lone ESC is recorded as "&lt;ESC&gt;".</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_sync)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Commands that matched neither the transcript nor a rule.</summary>
    public IReadOnlyList<string> Unexpected
    {
        get
        {
            lock (_sync)
            {
                return [.. _unexpected];
            }
        }
    }

    /// <summary>Reply when a command matches nothing; null means stay silent (the command will time out).</summary>
    public string? UnscriptedReply { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Expects <paramref name="command"/> next; answers with <paramref name="replyChunks"/>, one read each.</summary>
    public ScriptedModemStream Expect(string command, params string[] replyChunks)
    {
        lock (_sync)
        {
            _expected.Enqueue((command, replyChunks));
        }

        return this;
    }

    /// <summary>Answers <paramref name="command"/> this way whenever it is written out of transcript order.</summary>
    public ScriptedModemStream Always(string command, params string[] replyChunks) =>
        AlwaysWhen(c => c == command, _ => replyChunks);

    public ScriptedModemStream AlwaysWhen(Func<string, bool> match, Func<string, string[]> reply)
    {
        lock (_sync)
        {
            _rules.Add((match, reply));
        }

        return this;
    }

    /// <summary>
    /// Prompts every <c>AT+CMGS</c> and answers each PDU written after the prompt with <paramref name="answer"/> (an
    /// empty answer: the modem stays silent).
    /// </summary>
    public ScriptedModemStream AnswerPdus(Func<string[]> answer) =>
        AlwaysWhen(c => c.StartsWith("AT+CMGS=", StringComparison.Ordinal), _ => ["\r\n> "])
            .AlwaysWhen(c => c.StartsWith("00", StringComparison.Ordinal), _ => answer());

    public int RemainingExpectations
    {
        get
        {
            lock (_sync)
            {
                return _expected.Count;
            }
        }
    }

    /// <summary>Sends bytes from the modem unprompted (URCs, noise).</summary>
    public void Push(params string[] chunks)
    {
        foreach (var chunk in chunks)
        {
            PushBytes(Encoding.UTF8.GetBytes(chunk));
        }
    }

    public void PushBytes(byte[] bytes) => _reads.Writer.TryWrite(bytes);

    /// <summary>The modem goes away: reads return 0 once everything queued was read.</summary>
    public void End() => _reads.Writer.TryComplete();

    /// <summary>The port fails: reads throw once everything queued was read.</summary>
    public void Fail(Exception exception)
    {
        _readFailure = exception;
        _reads.Writer.TryComplete();
    }

    /// <summary>Waits (up to a deadline) until <paramref name="count"/> commands have been written.</summary>
    public async Task WaitForCommandsAsync(int count, TimeSpan? deadline = null)
    {
        using var cts = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(5));
        while (Commands.Count < count)
        {
            await _written.WaitAsync(cts.Token);
        }
    }

    /// <summary>Waits (up to a deadline) until <paramref name="command"/> has been written.</summary>
    public async Task WaitForCommandAsync(string command, TimeSpan? deadline = null)
    {
        using var cts = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(5));
        while (!Commands.Contains(command))
        {
            await _written.WaitAsync(cts.Token);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_current is null || _currentOffset >= _current.Length)
        {
            if (!await _reads.Reader.WaitToReadAsync(cancellationToken) || !_reads.Reader.TryRead(out _current))
            {
                return _readFailure is null ? 0 : throw _readFailure;
            }

            _currentOffset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _currentOffset);
        _current.AsMemory(_currentOffset, count).CopyTo(buffer);
        _currentOffset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var c in Encoding.ASCII.GetString(buffer))
        {
            if (c is '\r' or '\x1A' or '\x1B')
            {
                var command = c == '\x1B' && _pendingWrite.Length == 0 ? "<ESC>" : _pendingWrite.ToString();
                _pendingWrite.Clear();
                OnCommand(command);
            }
            else
            {
                _pendingWrite.Append(c);
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _reads.Writer.TryComplete();
        base.Dispose(disposing);
    }

    private void OnCommand(string command)
    {
        string[]? reply = null;
        lock (_sync)
        {
            _commands.Add(command);
            if (_expected.TryPeek(out var next) && next.Command == command)
            {
                reply = _expected.Dequeue().Reply;
            }
            else
            {
                foreach (var (match, rule) in _rules)
                {
                    if (match(command))
                    {
                        reply = rule(command);
                        break;
                    }
                }

                if (reply is null)
                {
                    _unexpected.Add(command);
                    reply = UnscriptedReply is null ? [] : [UnscriptedReply];
                }
            }
        }

        Push(reply);
        _written.Release();
    }
}

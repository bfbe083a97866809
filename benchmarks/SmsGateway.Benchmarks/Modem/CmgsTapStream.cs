using System.Diagnostics;
using System.Text;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// The simulator's side of the line, passed through: every time <c>AT+CMGS</c> arrives it reports the
/// <see cref="Stopwatch"/> timestamp of the read that brought its first byte, the same clock the HTTP client reads.
/// </summary>
internal sealed class CmgsTapStream(Stream inner, Action<long> cmgsArrived) : Stream
{
    private static readonly byte[] Pattern = Encoding.ASCII.GetBytes("AT+CMGS");
    private int _matched;
    private long _matchStarted;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Scan(buffer.Span[..read], Stopwatch.GetTimestamp());
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Scan(buffer.AsSpan(offset, read), Stopwatch.GetTimestamp());
        return read;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Case-sensitive like the agent and Gammu send it; a match may span reads, and then its first byte came earlier.
    private void Scan(ReadOnlySpan<byte> bytes, long now)
    {
        foreach (var b in bytes)
        {
            if (b != Pattern[_matched])
            {
                _matched = 0;
            }

            if (b == Pattern[_matched])
            {
                if (_matched == 0)
                {
                    _matchStarted = now;
                }

                if (++_matched == Pattern.Length)
                {
                    _matched = 0;
                    cmgsArrived(_matchStarted);
                }
            }
        }
    }
}

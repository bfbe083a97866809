using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SmsGateway.Modem.At;

/// <summary>
/// Speaks AT commands over any duplex <see cref="Stream"/>: one command in flight at a time, final results
/// matched to it, the <c>"&gt; "</c> prompt for commands with a payload, and unsolicited result codes
/// routed to <see cref="Urcs"/> wherever they appear. When the stream ends or fails the channel closes:
/// the command in flight and every later one fail with <see cref="AtChannelClosedException"/>.
/// </summary>
public sealed class AtChannel : IAsyncDisposable
{
    private const char CtrlZ = '\x1A';
    private const char Escape = '\x1B';

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    /// <summary>
    /// How many unsolicited result codes may wait for the consumer. A modem that floods them (a storm of +CMTI,
    /// or firmware in a loop) must not grow memory without end. What is dropped past this is mostly an SMS notification,
    /// which the periodic storage sweep makes up for; a dropped status report leaves its message at sent. Far more
    /// than a working modem produces while one is handled.
    /// </summary>
    public const int UrcCapacity = 1_000;

    /// <summary>
    /// How long a self-contained read's information line waits for the final result before it is believed without
    /// one. A modem that sends <c>OK</c> does so right after the line (microseconds at any baud rate); Wavecom
    /// Multiband never sends it to <c>AT+CPIN?</c>, and waiting the whole command timeout for it stalled start-up.
    /// </summary>
    public static readonly TimeSpan SelfContainedGrace = TimeSpan.FromSeconds(1);

    private readonly Channel<AtUrc> _urcs;
    private long _urcsDropped;
    private readonly CancellationTokenSource _stop = new();
    private readonly AtLineAssembler _assembler = new();
    private readonly AtLineRouter _router;
    private readonly Task _readLoop;
    private AtPendingCommand? _pending;
    private Exception? _closeReason;

    public AtChannel(Stream stream, ILogger<AtChannel>? logger = null, TimeProvider? timeProvider = null, bool ownsStream = true)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _urcs = Channel.CreateBounded<AtUrc>(
            new BoundedChannelOptions(UrcCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.DropWrite },
            OnUrcDropped);
        _router = new AtLineRouter(_urcs.Writer, _logger);
        _readLoop = Task.Run(() => ReadLoopAsync(_stop.Token));
    }

    /// <summary>How many unsolicited result codes were dropped because <see cref="UrcCapacity"/> were waiting.</summary>
    public long UrcsDropped => Interlocked.Read(ref _urcsDropped);

    /// <summary>Unsolicited result codes in arrival order. Completes when the channel closes.</summary>
    public ChannelReader<AtUrc> Urcs => _urcs.Reader;

    /// <summary>Completes (never faults) when the channel has closed; see <see cref="CloseReason"/>.</summary>
    public Task Completion => _readLoop;

    /// <summary>Why the channel closed, or null while it is open.</summary>
    public Exception? CloseReason
    {
        get
        {
            lock (_sync)
            {
                return _closeReason;
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> (without CR) and returns its information lines on <c>OK</c>.</summary>
    /// <exception cref="AtCommandException">The modem answered ERROR, +CME ERROR or +CMS ERROR.</exception>
    /// <exception cref="AtTimeoutException">No final result within <paramref name="timeout"/>.</exception>
    /// <exception cref="AtChannelClosedException">The stream ended or failed.</exception>
    public Task<AtResponse> ExecuteAsync(string command, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(new AtPendingCommand(command, null), timeout, cancellationToken);

    /// <summary>
    /// Sends <paramref name="command"/>, waits for the <c>"&gt; "</c> prompt, then writes <paramref name="payload"/>
    /// and Ctrl-Z (as <c>AT+CMGS</c> needs). Once the payload is written the command is no longer abandoned
    /// on <paramref name="cancellationToken"/>: the modem may already be transmitting, so its answer is awaited
    /// until <paramref name="timeout"/>.
    /// </summary>
    public Task<AtResponse> ExecuteWithPayloadAsync(string command, string payload, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(new AtPendingCommand(command, payload), timeout, cancellationToken);

    /// <summary>
    /// Writes ESC, which makes a modem that still waits for a payload (left at the prompt by an earlier
    /// process) abandon it, so that it reads commands again.
    /// </summary>
    public async Task AbortPromptAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await WriteEscapeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(new AtChannelClosedException("the AT channel was disposed"));
        await _stop.CancelAsync();
        if (_ownsStream)
        {
            await _stream.DisposeAsync();
        }

        try
        {
            // A stream that ignores cancellation and is not ours to dispose may never return from its read.
            await _readLoop.WaitAsync(TimeSpan.FromSeconds(2), _timeProvider);
        }
        catch (TimeoutException)
        {
        }

        // The gate is not disposed: a command woken by Close() still releases it after this returns.
        _stop.Dispose();
    }

    private async Task<AtResponse> RunAsync(AtPendingCommand pending, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            lock (_sync)
            {
                if (_closeReason is not null)
                {
                    throw new AtChannelClosedException(pending.DisplayCommand, $"{pending.DisplayCommand} not sent: {_closeReason.Message}", false, _closeReason);
                }

                _pending = pending;
            }

            using var timeoutCts = new CancellationTokenSource(timeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
            try
            {
                await WriteAsync(pending, pending.Command + "\r", linked.Token);
                if (pending.Payload is not null)
                {
                    await pending.Prompt.Task.WaitAsync(linked.Token);
                    if (!pending.Completion.Task.IsCompleted)
                    {
                        pending.PayloadSent = true;
                        await WriteAsync(pending, pending.Payload + CtrlZ, timeoutCts.Token);
                        return await pending.Completion.Task.WaitAsync(timeoutCts.Token);
                    }
                }

                return await WaitForFinalAsync(pending, linked.Token);
            }
            catch (OperationCanceledException)
            {
                await CancelPromptAsync(pending);
                if (!timeoutCts.IsCancellationRequested)
                {
                    throw;
                }

                AtChannelLog.TimedOut(_logger, pending.DisplayCommand, timeout.TotalSeconds);
                throw new AtTimeoutException(pending.DisplayCommand, timeout, pending.PayloadSent);
            }
        }
        finally
        {
            lock (_sync)
            {
                if (ReferenceEquals(_pending, pending))
                {
                    _pending = null;
                }
            }

            _gate.Release();
        }
    }

    private async Task<AtResponse> WaitForFinalAsync(AtPendingCommand pending, CancellationToken cancellationToken)
    {
        if (!pending.IsSelfContainedRead)
        {
            return await pending.Completion.Task.WaitAsync(cancellationToken);
        }

        await Task.WhenAny(pending.Completion.Task, pending.InformationArrived.Task).WaitAsync(cancellationToken);
        if (!pending.Completion.Task.IsCompleted)
        {
            try
            {
                await pending.Completion.Task.WaitAsync(SelfContainedGrace, _timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The final result may have come in the same instant; then it wins.
                if (pending.FinishWithoutFinalResult())
                {
                    AtChannelLog.NoFinalResult(_logger, pending.DisplayCommand, SelfContainedGrace.TotalMilliseconds);
                }
            }
        }

        return await pending.Completion.Task;
    }

    private async Task WriteAsync(AtPendingCommand pending, string text, CancellationToken cancellationToken)
    {
        AtChannelLog.Sent(_logger, AtRedaction.Redact(text.TrimEnd('\r', CtrlZ)));
        try
        {
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            var reason = new AtChannelClosedException($"writing to the modem failed: {ex.Message}", ex);
            Close(reason);
            throw new AtChannelClosedException(pending.DisplayCommand, $"{pending.DisplayCommand} failed: {reason.Message}", pending.PayloadSent, ex);
        }
    }

    /// <summary>
    /// A modem left sitting at the prompt would take every later command as message text; ESC makes it
    /// abandon the message without sending.
    /// </summary>
    private async Task CancelPromptAsync(AtPendingCommand pending)
    {
        if (pending.Payload is not null && !pending.PayloadSent)
        {
            await WriteEscapeAsync();
        }
    }

    private async Task WriteEscapeAsync()
    {
        if (CloseReason is not null)
        {
            return;
        }

        try
        {
            await _stream.WriteAsync(new[] { (byte)Escape });
            await _stream.FlushAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            Close(new AtChannelClosedException($"writing to the modem failed: {ex.Message}", ex));
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var lines = new List<AtLine>();
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await _stream.ReadAsync(buffer, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // A serial port's read timeout only means "nothing arrived yet".
                    continue;
                }

                if (read == 0)
                {
                    Close(new AtChannelClosedException("the modem stream ended"));
                    return;
                }

                lines.Clear();
                var pending = CurrentPending();
                _assembler.Append(buffer.AsSpan(0, read), lines, pending is { Payload: not null, Prompt.Task.IsCompleted: false });
                foreach (var line in lines)
                {
                    _router.Route(line, CurrentPending());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Close(new AtChannelClosedException("the AT channel was disposed"));
        }
        catch (Exception ex)
        {
            Close(new AtChannelClosedException($"reading from the modem failed: {ex.Message}", ex));
        }
    }

    private AtPendingCommand? CurrentPending()
    {
        lock (_sync)
        {
            return _pending;
        }
    }

    private void Close(Exception reason)
    {
        AtPendingCommand? pending;
        lock (_sync)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeReason = reason;
            pending = _pending;
        }

        AtChannelLog.Closed(_logger, reason.Message, reason.InnerException);
        pending?.Fail(reason);
        _urcs.Writer.TryComplete();
    }

    // Logged at the first drop and every hundredth after it, so a flood does not flood the log as well.
    private void OnUrcDropped(AtUrc urc)
    {
        var dropped = Interlocked.Increment(ref _urcsDropped);
        if (dropped % 100 == 1)
        {
            AtChannelLog.UrcDropped(_logger, urc.Name, UrcCapacity, dropped);
        }
    }
}

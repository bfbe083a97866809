using System.Text;
using System.Threading.Channels;

namespace SmsGateway.Modem.Simulator;

/// <summary>
/// One connection of the simulated modem to a host: reads command lines (echoing them when echo is on),
/// writes answers, and interleaves unsolicited result codes between them as a real modem does.
/// </summary>
internal sealed class SimulatorSession : IDisposable
{
    private readonly SimulatedModem _modem;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<byte[]> _urcs = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed = new();
    private readonly SimulatorInput _input;

    // Set while a command owns the output (from the "> " prompt to the Ctrl-Z): URCs wait, as TS 27.005 asks.
    private bool _exclusive;

    public SimulatorSession(SimulatedModem modem, Stream stream)
    {
        _modem = modem;
        _stream = stream;
        _input = new SimulatorInput(stream, EchoAsync, () => IsHung);
    }

    public SimulatedModem Modem => _modem;

    public SimulatedModemState State => _modem.State;

    private bool IsHung => State.IsHung(_modem.TimeProvider.GetUtcNow());

    /// <summary>Serves the host until the stream ends, <see cref="Close"/> is called or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var token = linked.Token;
        foreach (var banner in State.Dialect.StartupLines)
        {
            EnqueueUrc(banner);
        }

        var urcPump = PumpUrcsAsync(token);
        var vendorUrcs = EmitVendorUrcsAsync(token);
        var reason = "end of stream";
        try
        {
            while (await ReadLineAsync(token) is { } line)
            {
                await _modem.Interpreter.ExecuteAsync(this, line, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            reason = _closed.IsCancellationRequested ? "port closed" : "cancelled";
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            reason = _closed.IsCancellationRequested ? "port closed" : ex.Message;
        }
        finally
        {
            await linked.CancelAsync();
            _urcs.Writer.TryComplete();
            await Task.WhenAll(urcPump, vendorUrcs);
        }

        return reason;
    }

    /// <summary>Ends the session as if the device was unplugged: the stream is disposed under the host's feet.</summary>
    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session ended on its own meanwhile.
            return;
        }

        _stream.Dispose();
    }

    /// <summary>Queues an unsolicited result code; <paramref name="text"/> is framed with CR LF on both sides.</summary>
    public void EnqueueUrc(string text) => _urcs.Writer.TryWrite(Encoding.Latin1.GetBytes("\r\n" + text + "\r\n"));

    /// <summary>Queues raw bytes, written between answers like a URC.</summary>
    public void EnqueueRaw(byte[] bytes) => _urcs.Writer.TryWrite(bytes);

    /// <summary>Reads the next command line (without CR); null at the end of the stream.</summary>
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => _input.ReadLineAsync(cancellationToken);

    /// <summary>Reads the PDU after the prompt up to Ctrl-Z or ESC; null at the end of the stream.</summary>
    public ValueTask<(string Hex, bool Cancelled)?> ReadPduAsync(CancellationToken cancellationToken) => _input.ReadPduAsync(cancellationToken);

    /// <summary>Takes the output for a prompt: URCs wait until <see cref="EndExclusive"/>.</summary>
    public async ValueTask BeginExclusiveAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        _exclusive = true;
    }

    public void EndExclusive()
    {
        _exclusive = false;
        _writeLock.Release();
    }

    public ValueTask WriteAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    /// <summary>
    /// Writes the answer of a command line: information lines, then the final result code unless
    /// <paramref name="withoutFinal"/> (a dialect that ends some reads with the information line alone).
    /// </summary>
    public ValueTask WriteResultAsync(IReadOnlyList<string> lines, SimAtResult final, CancellationToken cancellationToken, bool withoutFinal = false)
    {
        if (final.Final == SimAtFinal.None)
        {
            return ValueTask.CompletedTask;
        }

        if (withoutFinal)
        {
            return WriteAsync(string.Concat(lines.Select(l => $"\r\n{l}\r\n")), cancellationToken);
        }

        var text = new StringBuilder();
        if (lines.Count > 0)
        {
            text.Append("\r\n");
            foreach (var line in lines)
            {
                text.Append(line).Append("\r\n");
            }
        }

        text.Append("\r\n").Append(FinalText(final)).Append("\r\n");
        return WriteAsync(text.ToString(), cancellationToken);
    }

    public void Dispose()
    {
        _closed.Dispose();
        _writeLock.Dispose();
    }

    private string FinalText(SimAtResult result) => result.Final switch
    {
        SimAtFinal.Ok => "OK",
        SimAtFinal.CmeError when State.ErrorMode == 1 => $"+CME ERROR: {result.Code}",
        SimAtFinal.CmeError when State.ErrorMode == 2 => $"+CME ERROR: {SimErrorTexts.Cme(result.Code)}",
        SimAtFinal.CmsError when State.ErrorMode == 2 => $"+CMS ERROR: {SimErrorTexts.Cms(result.Code)}",

        // SMS commands report +CMS ERROR whatever +CMEE says, as SIMCom and Huawei modems do.
        SimAtFinal.CmsError => $"+CMS ERROR: {result.Code}",
        _ => State.Dialect.ErrorText,
    };

    private ValueTask EchoAsync(ReadOnlyMemory<byte> received, CancellationToken cancellationToken) =>
        State.Echo ? WriteAsync(received.ToArray(), cancellationToken) : ValueTask.CompletedTask;

    // For the command loop only: while it holds the output for a prompt it writes without the lock it owns.
    private async ValueTask WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (_exclusive)
        {
            await WriteNowAsync(bytes, cancellationToken);
            return;
        }

        await WriteLockedAsync(bytes, cancellationToken);
    }

    private async ValueTask WriteLockedAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteNowAsync(bytes, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async ValueTask WriteNowAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (IsHung)
        {
            return;
        }

        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private async Task PumpUrcsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var urc in _urcs.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteLockedAsync(urc, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The session is over; the main loop reports why.
        }
    }

    private async Task EmitVendorUrcsAsync(CancellationToken cancellationToken)
    {
        var interval = State.Options.VendorUrcIntervalMs;
        if (!State.Options.VendorUrcs)
        {
            return;
        }

        try
        {
            while (true)
            {
                // Jitter so that URCs land at any point of a command exchange, not in lockstep with the host.
                var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(interval / 2, (interval * 3 / 2) + 1));
                await Task.Delay(delay, _modem.TimeProvider, cancellationToken);
                if (State.VendorUrcs)
                {
                    EnqueueUrc(Random.Shared.Next(3) == 0 ? "^BOOT:20876513,0,0,0,75" : $"^RSSI:{State.SignalRssi}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }
}

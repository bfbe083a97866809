using System.Diagnostics;
using System.Threading.Channels;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// The built-in simulator served on the device end of a socat pty pair, in this process, so that what arrives
/// on the line (<c>AT+CMGS</c>) and what leaves on the air (each part) is timestamped on the harness's clock.
/// Whoever is measured (the agent, Gammu SMSD) opens <see cref="HostPath"/>.
/// </summary>
internal sealed class ModemRig : IAsyncDisposable
{
    private readonly SocatPtyPair _pty;
    private readonly SimulatedModem _modem;
    private readonly PtySimulatorHost _host;
    private readonly Lock _lock = new();
    private readonly List<long> _cmgs = [];
    private readonly List<long> _sent = [];
    private readonly Channel<long> _cmgsArrivals = Channel.CreateUnbounded<long>();
    private readonly Channel<long> _partsSent = Channel.CreateUnbounded<long>();

    private ModemRig(SocatPtyPair pty, SimulatorOptions options)
    {
        _pty = pty;
        AirTimeMs = options.SendDelayMs;
        _modem = new SimulatedModem(options);
        _modem.Transmitted += (_, _) => Record(_sent, _partsSent, Stopwatch.GetTimestamp());
        _host = new PtySimulatorHost(_modem, pty.DevicePath, stream => new CmgsTapStream(stream, t => Record(_cmgs, _cmgsArrivals, t)));
    }

    /// <summary>The end of the line the system under test opens.</summary>
    public string HostPath => _pty.HostPath;

    public int AirTimeMs { get; }

    /// <summary>Timestamps of every <c>AT+CMGS</c> arrival, as they come.</summary>
    public ChannelReader<long> CmgsArrivals => _cmgsArrivals.Reader;

    /// <summary>Timestamps of every part put on the air, as they come.</summary>
    public ChannelReader<long> PartsSent => _partsSent.Reader;

    public int PartCount
    {
        get
        {
            lock (_lock)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>Everything the simulator transmitted, decoded.</summary>
    public IReadOnlyList<TransmittedSms> Transmissions => _modem.Transmissions;

    /// <summary>A simulator with <paramref name="airTimeMs"/> per part and delivery reports after <paramref name="reportDelayMs"/>.</summary>
    public static async Task<ModemRig> StartAsync(int airTimeMs, int reportDelayMs)
    {
        var pty = await SocatPtyPair.CreateAsync();
        return new ModemRig(pty, new SimulatorOptions
        {
            SendDelayMs = airTimeMs,
            DeliveryReportDelayMs = reportDelayMs,
            AirLog = pty.Directory.File("air.jsonl"),
        });
    }

    /// <summary>Waits until <paramref name="parts"/> parts are on the air; the timestamp of the last one.</summary>
    public async Task<long> WaitForPartsAsync(int parts, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_lock)
            {
                if (_sent.Count >= parts)
                {
                    return _sent[parts - 1];
                }
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"only {PartCount} of {parts} parts were transmitted within {timeout.TotalSeconds} s");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// The idle time of the modem between parts: from one part leaving the air to the next <c>AT+CMGS</c>
    /// arriving, for every part after the first.
    /// </summary>
    public IReadOnlyList<double> GapsMs()
    {
        lock (_lock)
        {
            var gaps = new List<double>();
            foreach (var sent in _sent)
            {
                var next = _cmgs.FirstOrDefault(c => c > sent);
                if (next != 0)
                {
                    gaps.Add(Stopwatch.GetElapsedTime(sent, next).TotalMilliseconds);
                }
            }

            return gaps;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _modem.Dispose();
        await _pty.DisposeAsync();
    }

    private void Record(List<long> list, Channel<long> channel, long timestamp)
    {
        lock (_lock)
        {
            list.Add(timestamp);
        }

        channel.Writer.TryWrite(timestamp);
    }
}

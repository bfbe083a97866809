using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using SmsGateway.Modem.Simulator;
using SmsGateway.Testing.Pty;

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
        _host = new PtySimulatorHost(_modem, pty.DevicePath, stream => new CmgsTapStream(stream, t => Record(_cmgs, _cmgsArrivals, t)), rawDevice: true);
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
    /// Where the time between parts goes: from a part leaving the air to the next <c>AT+CMGS</c> arriving, split
    /// into the gaps inside a multipart message and those between messages; and from <c>AT+CMGS</c> arriving to
    /// its part leaving the air, less the air time (the prompt round trip and the PDU's transfer).
    /// </summary>
    /// <param name="from">The first part to look at (parts before it were a warm-up).</param>
    public JsonObject Breakdown(int from = 0)
    {
        var parts = _modem.Transmissions;
        lock (_lock)
        {
            var withinMessage = new List<double>();
            var betweenMessages = new List<double>();
            var prompt = new List<double>();
            for (var i = from; i < _sent.Count; i++)
            {
                var cmgs = _cmgs.LastOrDefault(c => c < _sent[i]);
                if (cmgs != 0)
                {
                    prompt.Add(Stopwatch.GetElapsedTime(cmgs, _sent[i]).TotalMilliseconds - AirTimeMs);
                }

                var next = _cmgs.FirstOrDefault(c => c > _sent[i]);
                if (next != 0 && i + 1 < parts.Count)
                {
                    (parts[i + 1].Part > 1 ? withinMessage : betweenMessages).Add(Stopwatch.GetElapsedTime(_sent[i], next).TotalMilliseconds);
                }
            }

            return new JsonObject
            {
                ["gapWithinMessageMs"] = Stats.Summary(withinMessage),
                ["gapBetweenMessagesMs"] = Stats.Summary(betweenMessages),
                ["cmgsToAirMinusAirTimeMs"] = Stats.Summary(prompt),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The line goes first: a read blocked on the raw device returns only when the line vanishes.
        await _pty.KillAsync();
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

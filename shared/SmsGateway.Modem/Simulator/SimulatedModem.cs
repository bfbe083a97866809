using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Core.Phone;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Simulator;

/// <summary>
/// A GSM modem in software, close to a SIMCom SIM800 / Huawei stick in PDU mode: it speaks AT commands over any
/// duplex <see cref="Stream"/> (<see cref="RunAsync"/>), "transmits" what <c>AT+CMGS</c> is given into
/// <see cref="Transmissions"/> and the air log, and lets tests and the gateway inject inbound SMS, status
/// reports and faults. One instance is one device: its SIM storage and counters survive reconnects.
/// </summary>
public sealed partial class SimulatedModem : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<TransmittedSms> _transmissions = [];
    private readonly ILogger _logger;
    private readonly AirLogWriter? _airLog;
    private readonly CancellationTokenSource _disposed = new();
    private SimulatorSession? _session;
    private int _connections;
    private int _concatReference;

    public SimulatedModem(SimulatorOptions options, TimeProvider? timeProvider = null, ILogger<SimulatedModem>? logger = null)
    {
        State = new SimulatedModemState(options);
        TimeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Interpreter = new SimAtInterpreter(_logger);
        if (!string.IsNullOrWhiteSpace(options.AirLog))
        {
            _airLog = new AirLogWriter(options.AirLog);
        }
    }

    /// <summary>Raised after each transmitted part, on the thread that answered <c>+CMGS</c>.</summary>
    public event EventHandler<TransmittedSms>? Transmitted;

    public SimulatorOptions Options => State.Options;

    /// <summary>Settings, SIM storage and injected faults.</summary>
    public SimulatedModemState State { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>True while a host is connected.</summary>
    public bool IsConnected => Volatile.Read(ref _session) is not null;

    /// <summary>How many connections <see cref="RunAsync"/> has served, including the current one.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Every part transmitted so far, in order.</summary>
    public IReadOnlyList<TransmittedSms> Transmissions
    {
        get
        {
            lock (_lock)
            {
                return [.. _transmissions];
            }
        }
    }

    internal SimAtInterpreter Interpreter { get; }

    /// <summary>
    /// Serves a host on <paramref name="stream"/> until the stream ends, <see cref="ClosePort"/> is called or
    /// <paramref name="cancellationToken"/> fires; it returns normally in all three cases. The caller keeps
    /// ownership of the stream, except that <see cref="ClosePort"/> disposes it.
    /// </summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        using var session = new SimulatorSession(this, stream);
        lock (_lock)
        {
            _session = session;
            _connections++;
        }

        SimulatorLog.Connected(_logger, stream.GetType().Name);
        try
        {
            var reason = await session.RunAsync(linked.Token);
            SimulatorLog.Disconnected(_logger, reason);
        }
        finally
        {
            lock (_lock)
            {
                if (_session == session)
                {
                    _session = null;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> sends fail with <c>+CMS ERROR: <paramref name="cmsError"/></c>, nothing transmitted, after
    /// <paramref name="afterParts"/> sends that go through.
    /// </summary>
    public void FailNextSends(int cmsError, int count = 1, int afterParts = 0)
    {
        State.FailNextSends(cmsError, count, afterParts);
        SimulatorLog.FaultInjected(_logger, $"{count} send(s) after the next {afterParts} fail with +CMS ERROR: {cmsError}");
    }

    /// <summary>
    /// <paramref name="count"/> sends reach the air and are never answered (the <c>+CMGS</c> is lost), after
    /// <paramref name="afterParts"/> sends that are answered.
    /// </summary>
    public void LoseNextAnswers(int count = 1, int afterParts = 0)
    {
        State.LoseNextAnswers(count, afterParts);
        SimulatorLog.FaultInjected(_logger, $"{count} send(s) after the next {afterParts} transmitted without an answer");
    }

    /// <summary>
    /// The modem stops answering anything, AT included, for <paramref name="duration"/>: what it is sent meanwhile
    /// is lost, and so are URCs and answers due meanwhile (a send under way still reaches the air). With
    /// <paramref name="reboot"/> it comes back as after a firmware crash: settings at power-up values, SIM locked again.
    /// </summary>
    public void Hang(TimeSpan duration, bool reboot = false)
    {
        State.HangUntil(TimeProvider.GetUtcNow() + duration);
        if (reboot)
        {
            // Nobody can see the settings while it is hung, so resetting them now is the same as at the end.
            State.PowerCycle();
        }

        SimulatorLog.FaultInjected(_logger, reboot ? $"hang for {duration.TotalMilliseconds} ms, then reboot" : $"hang for {duration.TotalMilliseconds} ms");
    }

    /// <summary>
    /// The device vanishes: the current connection's stream is disposed (the host reads end-of-stream) and the
    /// modem powers up again with default settings when it is next connected. SIM storage is kept.
    /// </summary>
    public void ClosePort()
    {
        SimulatorSession? session;
        lock (_lock)
        {
            session = _session;
            _session = null;
        }

        State.PowerCycle();
        session?.Close();
        SimulatorLog.FaultInjected(_logger, "port closed");
    }

    /// <summary>Writes <paramref name="bytes"/> to the host between answers, like line noise or a confused firmware.</summary>
    public void InjectNoise(ReadOnlySpan<byte> bytes) => Volatile.Read(ref _session)?.EnqueueRaw(bytes.ToArray());

    /// <summary>Sends an unsolicited result code such as <c>^RSSI:12</c> or <c>RING</c>, framed with CR LF.</summary>
    public void InjectUrc(string text) => Volatile.Read(ref _session)?.EnqueueUrc(text);

    /// <summary>Changes the signal strength <c>AT+CSQ</c> reports (0–31, 99 unknown).</summary>
    public void SetSignal(int rssi) => State.SignalRssi = rssi;

    /// <summary>Takes the network away or gives it back; sends then fail with <c>+CMS ERROR: 331</c>.</summary>
    public void SetNetworkAvailable(bool available)
    {
        State.NetworkAvailable = available;
        if (State.RegistrationMode > 0)
        {
            InjectUrc($"+CREG: {SimNetworkCommands.RegistrationStatus(State)}");
        }
    }

    public void Dispose()
    {
        // The token source stays undisposed: connection factories may still link to it while shutting down.
        _disposed.Cancel();
        _airLog?.Dispose();
    }

    internal void RecordTransmission(SubmitMessage submit, string pdu, int messageReference)
    {
        var entry = new TransmittedSms(
            TimeProvider.GetUtcNow(),
            submit.Recipient,
            submit.Text ?? string.Empty,
            submit.Coding switch { SmsDataCoding.Gsm7 => "gsm7", SmsDataCoding.Ucs2 => "ucs2", _ => "8bit" },
            submit.Concat?.Reference,
            submit.Concat?.PartNumber ?? 1,
            submit.Concat?.PartCount ?? 1,
            messageReference,
            submit.StatusReportRequested,
            pdu);
        lock (_lock)
        {
            _transmissions.Add(entry);
        }

        WriteAirLog(entry);
        SimulatorLog.Transmitted(_logger, entry.Part, entry.Parts, PhoneMask.Mask(entry.To), messageReference);
        Transmitted?.Invoke(this, entry);
        if (submit.StatusReportRequested && Options.DeliveryReports != SimulatedDeliveryOutcome.None)
        {
            _ = ReportLaterAsync(entry);
        }
    }

    internal void PduRejected(string reason) => SimulatorLog.PduRejected(_logger, reason);

    private void WriteAirLog(TransmittedSms entry)
    {
        if (_airLog is null)
        {
            return;
        }

        try
        {
            _airLog.Append(entry);
        }
        catch (IOException ex)
        {
            SimulatorLog.AirLogFailed(_logger, _airLog.Path, ex);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>
/// The GSM modem as the gateway sees it. Runs as a hosted service: opens the port, initialises the modem,
/// polls its status, hands received messages to the <see cref="IInboundSmsSink"/> and status reports to the <see cref="IDeliveryReportSink"/>, and starts over with
/// exponential backoff (1 s to 30 s) whenever the port goes away or the modem stops answering.
/// </summary>
public sealed class GsmModem : BackgroundService, ISmsModem
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly IModemConnectionFactory _connectionFactory;
    private readonly ModemOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SmsSender _sender;
    private readonly SimInboxReader _inbound;
    private readonly Lock _statusLock = new();
    private ModemStatus _status = ModemStatus.Disconnected with { LastError = "not started" };
    private long _statusVersion;
    private ModemSession? _session;
    private bool _pinRejected;

    public GsmModem(
        IModemConnectionFactory connectionFactory,
        IInboundSmsSink inbound,
        IDeliveryReportSink reports,
        IOptions<ModemOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null)
    {
        _connectionFactory = connectionFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<GsmModem>();
        _sender = new SmsSender(_options, timeProvider, _logger);
        _inbound = new SimInboxReader(inbound, reports, () => Status.Imsi, timeProvider, _logger);
    }

    public ModemStatus Status
    {
        get
        {
            lock (_statusLock)
            {
                return _status;
            }
        }
    }

    public Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session);
        return session is null
            ? Task.FromException<SmsSendReceipt>(new SmsSendException(SendFailureKind.Transient, $"modem not connected: {Status.LastError}"))
            : _sender.SendAsync(session, sms, cancellationToken);
    }

    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session);
        if (session is null)
        {
            return false;
        }

        try
        {
            await session.ExecuteAsync("AT", cancellationToken);
            var (before, version) = StatusAndVersion();
            var status = await ModemStatusReader.ReadRadioAsync(session, before, _timeProvider, cancellationToken);
            SetStatusIfUnchanged(version, status);
            return status.Registered;
        }
        catch (AtException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            var error = await RunConnectionAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            // A session that worked and then dropped retries quickly; repeated failures back off.
            backoff = error is null ? InitialBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            var reason = error ?? Status.LastError ?? "disconnected";
            SetDisconnected(reason);
            GsmModemLog.Unavailable(_logger, _connectionFactory.Description, reason, backoff.TotalSeconds);
            try
            {
                await Task.Delay(backoff, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetDisconnected("stopped");
    }

    /// <summary>One connection from open to loss. Returns null when it got as far as running, else why it failed.</summary>
    private async Task<string?> RunConnectionAsync(CancellationToken stoppingToken)
    {
        Stream stream;
        try
        {
            stream = await _connectionFactory.OpenAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            return $"cannot open {_connectionFactory.Description}: {ex.Message}";
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        await using var channel = new AtChannel(stream, _loggerFactory.CreateLogger<AtChannel>(), _timeProvider);
        using var session = new ModemSession(channel, _options, _logger);
        try
        {
            var notifications = await ModemInitializer.InitializeAsync(session, !_pinRejected, _timeProvider, stoppingToken);
            var status = await ModemStatusReader.ReadIdentityAsync(session, ModemStatus.Disconnected, stoppingToken);
            status = await ModemStatusReader.ReadRadioAsync(session, status with { Connected = true }, _timeProvider, stoppingToken);
            Volatile.Write(ref _session, session);
            SetStatus(_ => status);
            GsmModemLog.Connected(_logger, _connectionFactory.Description, status.Manufacturer, status.Model, status.Operator, status.SignalDbm);

            var listed = true;
            try
            {
                listed = await _inbound.SweepAsync(session, stoppingToken);
            }
            catch (AtTimeoutException ex)
            {
                GsmModemLog.LoopFailed(_logger, "storage sweep", ex);
            }

            var receiving = Receiving(notifications, listed);
            SetStatus(s => s with { Inbound = receiving.Inbound, Reports = receiving.Reports });
            await RunSessionAsync(session, receiving.Inbound == ModemReceiving.Polled ? _options.StatusInterval : _options.StorageSweepInterval, stoppingToken);
            var reason = channel.CloseReason?.Message ?? "the modem stopped answering";
            GsmModemLog.ConnectionLost(_logger, reason);
            SetDisconnected(reason);
            return null;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ModemSetupException ex)
        {
            _pinRejected |= ex.PinRejected;
            GsmModemLog.SetupFailed(_logger, ex.Message);
            return ex.Message;
        }
        catch (Exception ex)
        {
            return channel.CloseReason?.Message ?? ex.Message;
        }
        finally
        {
            Volatile.Write(ref _session, null);
        }
    }

    /// <summary>
    /// A modem that refused every AT+CNMI never announces anything: its storage is then listed as often as its status is
    /// read, or, when it refuses AT+CMGL too, health says that nothing is received on it.
    /// </summary>
    private (ModemReceiving Inbound, ModemReceiving Reports) Receiving(ModemNotifications notifications, bool listed)
    {
        var fallback = listed ? ModemReceiving.Polled : ModemReceiving.Unavailable;
        var inbound = notifications.Messages ? ModemReceiving.Notified : fallback;
        // Without a +CNMI that routes them (ds 1 or 2) a modem neither announces nor stores status reports.
        var reports = _options.DeliveryReports && notifications.Reports ? ModemReceiving.Notified : ModemReceiving.Unavailable;
        if (inbound != ModemReceiving.Notified)
        {
            GsmModemLog.NotNotified(_logger, inbound);
        }

        return (inbound, reports);
    }

    /// <summary>Runs the URC, status and sweep loops until the port closes, the session breaks or the host stops.</summary>
    private async Task RunSessionAsync(ModemSession session, TimeSpan sweepInterval, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, session.Broken);
        var loops = new[]
        {
            ConsumeUrcsAsync(session, stop.Token),
            RepeatAsync("status", _options.StatusInterval, ct => RefreshStatusAsync(session, ct), stop.Token),
            RepeatAsync("storage sweep", sweepInterval, ct => _inbound.SweepAsync(session, ct), stop.Token),
        };
        await Task.WhenAny(loops.Append(session.Channel.Completion));
        await stop.CancelAsync();
        await Task.WhenAll(loops);
    }

    private async Task ConsumeUrcsAsync(ModemSession session, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var urc in session.Channel.Urcs.ReadAllAsync(cancellationToken))
            {
                try
                {
                    SetStatus(status => ModemStatusReader.Apply(urc, status, _timeProvider));
                    await _inbound.HandleUrcAsync(session, urc, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    GsmModemLog.LoopFailed(_logger, urc.Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RepeatAsync(string name, TimeSpan interval, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await action(cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    GsmModemLog.LoopFailed(_logger, name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshStatusAsync(ModemSession session, CancellationToken cancellationToken)
    {
        var (current, version) = StatusAndVersion();
        var refreshed = await ModemStatusReader.ReadRadioAsync(session, current, _timeProvider, cancellationToken);
        SetStatusIfUnchanged(version, refreshed);
    }

    private void SetDisconnected(string reason) =>
        SetStatus(status => status with { Connected = false, Registered = false, SignalDbm = null, LastError = reason, UpdatedAt = _timeProvider.GetUtcNow() });

    private void SetStatus(Func<ModemStatus, ModemStatus> update)
    {
        lock (_statusLock)
        {
            _status = update(_status);
            _statusVersion++;
        }
    }

    private (ModemStatus Status, long Version) StatusAndVersion()
    {
        lock (_statusLock)
        {
            return (_status, _statusVersion);
        }
    }

    /// <summary>
    /// Stores a status read from the modem over several commands only if nothing changed it meanwhile: a disconnect
    /// or a URC applied during the read is newer, and the read (built on the older snapshot) must not undo it — it
    /// once brought a dropped modem back as "connected". The next poll reads again.
    /// </summary>
    private void SetStatusIfUnchanged(long version, ModemStatus read)
    {
        lock (_statusLock)
        {
            if (_statusVersion == version)
            {
                _status = read;
                _statusVersion++;
            }
        }
    }
}

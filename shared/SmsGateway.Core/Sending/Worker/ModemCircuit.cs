using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// The modem behind a Polly timeout and circuit breaker. When transient failures keep coming, the
/// circuit opens and the worker stops taking messages (they stay queued and are not charged an
/// attempt); after the break a probe (<c>AT</c>, <c>AT+CREG?</c>) rather than a real SMS decides
/// whether to close it.
/// </summary>
public sealed partial class ModemCircuit
{
    private readonly ISmsModem _modem;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly ILogger<ModemCircuit> _logger;
    private volatile string? _openReason;

    // Written before the breaker sees the failure: Polly makes the open state visible before OnOpened
    // runs, so a health check in between would otherwise find the circuit open without a reason.
    private volatile string? _lastFailure;

    public ModemCircuit(ISmsModem modem, IOptions<OutboundOptions> options, TimeProvider time, GatewayMetrics metrics, ILogger<ModemCircuit> logger)
    {
        // A breaker starts closed: say so, so the gauge exists before the first state change.
        metrics.ReportCircuitState((int)CircuitState.Closed);
        _modem = modem;
        _logger = logger;
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Every call in the window failed, and at least the threshold of them: a dead modem, not a bad number.
                FailureRatio = 1.0,
                MinimumThroughput = settings.CircuitFailureThreshold,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                StateProvider = _state,
                ShouldHandle = new PredicateBuilder()
                    .Handle<SmsSendException>(e => e.Kind != SendFailureKind.Permanent)
                    .Handle<TimeoutRejectedException>(),
                OnOpened = args =>
                {
                    _openReason = args.Outcome.Exception?.Message ?? "modem failures";
                    metrics.ReportCircuitState((int)CircuitState.Open);
                    LogOpened(_logger, settings.CircuitFailureThreshold, args.BreakDuration.TotalSeconds, _openReason);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    metrics.ReportCircuitState((int)CircuitState.HalfOpen);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    _openReason = null;
                    metrics.ReportCircuitState((int)CircuitState.Closed);
                    LogClosed(_logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.SendTimeout)
            .Build();
    }

    /// <summary>Closed (sending), Open (waiting for the break to end) or HalfOpen (a probe is due).</summary>
    public CircuitState State => _state.CircuitState;

    /// <summary>Why the circuit is open, for the health endpoint; null while closed.</summary>
    public string? OpenReason => State == CircuitState.Closed ? null : _openReason ?? _lastFailure;

    public ISmsModem Modem => _modem;

    /// <summary>Sends through the breaker and the timeout. A timeout is an unknown outcome: the SMS may have left.</summary>
    public async Task<SmsSendReceipt> SendAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static (state, ct) => state.Circuit.SendThroughAsync(state.Sms, ct), (Circuit: this, Sms: sms), cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SmsSendException(SendFailureKind.UnknownOutcome, $"the modem did not finish the send within {ex.Timeout.TotalSeconds:F0} s", null, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new SmsSendException(SendFailureKind.Transient, "the modem circuit is open", null, ex);
        }
    }

    private async ValueTask<SmsSendReceipt> SendThroughAsync(ModemSendRequest sms, CancellationToken cancellationToken)
    {
        try
        {
            return await _modem.SendAsync(sms, cancellationToken);
        }
        catch (SmsSendException ex)
        {
            _lastFailure = ex.Message;
            throw;
        }
    }

    /// <summary>
    /// Counts a moment without a modem as a failure of the breaker, without touching any message:
    /// a port that stays away opens the circuit just as failing sends would.
    /// </summary>
    public async Task RecordUnavailableAsync(CancellationToken cancellationToken)
    {
        var reason = $"modem not connected: {_modem.Status.LastError}";
        _lastFailure = reason;
        try
        {
            await _pipeline.ExecuteAsync(
                static (reason, _) => ValueTask.FromException(new SmsSendException(SendFailureKind.Transient, reason)),
                reason,
                cancellationToken);
        }
        catch (SmsSendException)
        {
        }
        catch (BrokenCircuitException)
        {
            // Already open.
        }
    }

    /// <summary>
    /// When the circuit is not closed: once the break is over, probes the modem through the breaker.
    /// Returns true when the circuit is closed afterwards.
    /// </summary>
    public async Task<bool> TryCloseAsync(CancellationToken cancellationToken)
    {
        if (State == CircuitState.Closed)
        {
            return true;
        }

        try
        {
            await _pipeline.ExecuteAsync(
                static async (modem, ct) =>
                {
                    if (!await modem.ProbeAsync(ct))
                    {
                        throw new SmsSendException(SendFailureKind.Transient, "the modem probe failed (no answer or not registered)");
                    }
                },
                _modem,
                cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            // The break is not over yet.
        }
        catch (SmsSendException)
        {
            // The probe failed: the breaker opened again for another break.
        }
        catch (TimeoutRejectedException)
        {
        }

        return State == CircuitState.Closed;
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Modem circuit opened after {Threshold} transient failures in a row; not sending for {BreakSeconds:F0} s. Last: {Reason}")]
    private static partial void LogOpened(ILogger logger, int threshold, double breakSeconds, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Modem circuit closed: the modem answers and is registered")]
    private static partial void LogClosed(ILogger logger);
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Telemetry;
using SmsGateway.Testing;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>The modem circuit on a fake clock: open after the threshold, a probe (not an SMS) after the break, closed or open again.</summary>
public sealed class ModemCircuitTests : IDisposable
{
    private static readonly ModemSendRequest Sms = new("+4915112345678", "hello");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ScriptedModem _modem;
    private readonly ModemCircuit _sut;

    public ModemCircuitTests()
    {
        _modem = new ScriptedModem(_time);
        var options = Microsoft.Extensions.Options.Options.Create(new OutboundOptions { CircuitFailureThreshold = 3, CircuitBreakDuration = TimeSpan.FromSeconds(30) });
        _sut = new ModemCircuit(_modem, options, _time, new GatewayMetrics(_metrics.GetRequiredService<IMeterFactory>()), NullLogger<ModemCircuit>.Instance);
    }

    [Fact]
    public async Task TransientFailures_UpToTheThreshold_OpenTheCircuitWithTheLastFailureAsReason()
    {
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500);

        await FailTimesAsync(2);
        Assert.Equal(CircuitState.Closed, _sut.State);
        await FailTimesAsync(1);

        Assert.Equal(CircuitState.Open, _sut.State);
        Assert.Contains("+CMS ERROR: 500", _sut.OpenReason, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<SmsSendException>(() => _sut.SendAsync(Sms, CancellationToken.None));
        Assert.Equal(SendFailureKind.Transient, refused.Kind);
        Assert.Equal(3, _modem.Attempts);
    }

    [Fact]
    public async Task PermanentFailures_NeverOpenIt()
    {
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Permanent, "+CMS ERROR: 21", 21);

        await FailTimesAsync(10);

        Assert.Equal(CircuitState.Closed, _sut.State);
    }

    [Fact]
    public async Task Open_BeforeTheBreakIsOver_DoesNotProbe_AfterIt_AProbeThatSucceedsClosesIt()
    {
        await OpenAsync();

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(await _sut.TryCloseAsync(CancellationToken.None));
        Assert.Equal(0, _modem.Probes);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await _sut.TryCloseAsync(CancellationToken.None));

        Assert.Equal((1, CircuitState.Closed), (_modem.Probes, _sut.State));
        Assert.Null(_sut.OpenReason);
        Assert.Equal(3, _modem.Attempts);
    }

    [Fact]
    public async Task AProbeThatFails_OpensItForAnotherBreak()
    {
        await OpenAsync();
        _modem.ProbeSucceeds = false;
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(await _sut.TryCloseAsync(CancellationToken.None));
        Assert.Equal(CircuitState.Open, _sut.State);

        _modem.ProbeSucceeds = true;
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(await _sut.TryCloseAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await _sut.TryCloseAsync(CancellationToken.None));
        Assert.Equal(2, _modem.Probes);
    }

    [Fact]
    public async Task AModemThatStaysAway_OpensItWithoutASend()
    {
        for (var i = 0; i < 3; i++)
        {
            await _sut.RecordUnavailableAsync(CancellationToken.None);
        }

        Assert.Equal(CircuitState.Open, _sut.State);
        Assert.Equal(0, _modem.Attempts);
        Assert.Contains("modem not connected", _sut.OpenReason, StringComparison.Ordinal);
    }

    public void Dispose() => _metrics.Dispose();

    private async Task OpenAsync()
    {
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Transient, "timeout");
        await FailTimesAsync(3);
        Assert.Equal(CircuitState.Open, _sut.State);
        _modem.AlwaysFail = null;
    }

    private async Task FailTimesAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<SmsSendException>(() => _sut.SendAsync(Sms, CancellationToken.None));
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Serial;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Driver;
using SmsGateway.Testing;
using SmsGateway.Testing.Pty;

namespace SmsGateway.Modem.Tests.Pty;

/// <summary>
/// The real driver (<see cref="GsmModem"/> through System.IO.Ports) on one end of a socat pty pair and the
/// simulated modem on the other, on real time with short timeouts.
/// </summary>
internal sealed class PtyDriverHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private PtyDriverHarness(SocatPtyPair pty, SimulatorOptions simulatorOptions, ModemOptions modemOptions)
    {
        Pty = pty;
        AirLogPath = pty.Directory.File("air.jsonl");
        simulatorOptions.AirLog = AirLogPath;
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(Log).SetMinimumLevel(LogLevel.Trace));
        Simulator = new SimulatedModem(simulatorOptions, TimeProvider.System, _loggerFactory.CreateLogger<SimulatedModem>());
        Host = new PtySimulatorHost(Simulator, pty.DevicePath);
        Driver = new GsmModem(new SerialPortStreamFactory(pty.HostPath), Sink, Sink, Options.Create(modemOptions), TimeProvider.System, _loggerFactory);
    }

    private readonly ILoggerFactory _loggerFactory;

    public SocatPtyPair Pty { get; }

    /// <summary>Driver and simulator logs, shown when a wait gives up.</summary>
    public LogCollector Log { get; } = new(capacity: 400);

    public SimulatedModem Simulator { get; }

    public PtySimulatorHost Host { get; }

    public GsmModem Driver { get; }

    public RecordingEventSink Sink { get; } = new();

    public string AirLogPath { get; }

    public static async Task<PtyDriverHarness> StartAsync(Action<SimulatorOptions>? configureSimulator = null, Action<ModemOptions>? configureDriver = null)
    {
        var simulatorOptions = new SimulatorOptions { SendDelayMs = 20, DeliveryReportDelayMs = 50 };
        configureSimulator?.Invoke(simulatorOptions);
        var modemOptions = new ModemOptions
        {
            CommandTimeout = TimeSpan.FromSeconds(2),
            SendTimeout = TimeSpan.FromSeconds(5),
            StatusInterval = TimeSpan.FromSeconds(1),
            MaxConsecutiveTimeouts = 2,
        };
        configureDriver?.Invoke(modemOptions);
        var pty = await SocatPtyPair.CreateAsync();
        modemOptions.Port = pty.HostPath;
        var harness = new PtyDriverHarness(pty, simulatorOptions, modemOptions);
        try
        {
            await harness.Driver.StartAsync(CancellationToken.None);
            await harness.EventuallyAsync(() => harness.Driver.Status.Connected, "the driver connected");
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Patience"/> runs out.</summary>
    public async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting until {what}; driver status: {Driver.Status}\n{Log.Recent()}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Every line of the air log, parsed.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> AirLog() =>
        File.Exists(AirLogPath)
            ? File.ReadAllLines(AirLogPath).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone()).ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        // socat must die whatever else fails here, or it outlives the test run.
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Driver.StopAsync(stop.Token);
            Driver.Dispose();
            await Host.DisposeAsync();
        }
        finally
        {
            Simulator.Dispose();
            await Pty.DisposeAsync();
            _loggerFactory.Dispose();
        }
    }
}

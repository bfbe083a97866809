using SmsGateway.Modem.Simulator;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>A simulated modem on an in-process stream pair with a <see cref="TestAtClient"/> on the host end.</summary>
internal sealed class InProcessSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly InMemoryDuplexStream _host;
    private readonly InMemoryDuplexStream _device;

    private InProcessSimulator(SimulatorOptions options, TimeProvider? time)
    {
        Options = options;
        Modem = new SimulatedModem(options, time);
        (_host, _device) = InMemoryDuplexStream.CreatePair();
        Running = Modem.RunAsync(_device, _stop.Token);
        Client = new TestAtClient(_host);
    }

    public SimulatorOptions Options { get; }

    public SimulatedModem Modem { get; }

    public TestAtClient Client { get; }

    /// <summary>The simulator's <see cref="SimulatedModem.RunAsync"/>.</summary>
    public Task Running { get; }

    /// <summary>Starts a simulator with no air time, echo off and numeric errors, so answers are easy to compare.</summary>
    public static async Task<InProcessSimulator> StartAsync(Action<SimulatorOptions>? configure = null, bool quiet = true, TimeProvider? time = null)
    {
        var options = new SimulatorOptions { SendDelayMs = 0, DeliveryReportDelayMs = 20 };
        configure?.Invoke(options);
        var simulator = new InProcessSimulator(options, time);
        if (quiet)
        {
            await simulator.Client.SendAsync("ATE0");
            await simulator.Client.SendAsync("AT+CMEE=1");
        }

        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(5));
        await Client.DisposeAsync();
        await _host.DisposeAsync();
        await _device.DisposeAsync();
        Modem.Dispose();
        _stop.Dispose();
    }
}

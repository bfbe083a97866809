using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Simulator;

/// <summary>
/// Connects the real AT driver to a <see cref="SimulatedModem"/> in the same process: every
/// <see cref="OpenAsync"/> creates a fresh stream pair and runs the simulator on its far end. The modem object
/// (SIM storage, counters, faults) is the same across reopens, as one physical device would be.
/// </summary>
public sealed class SimulatorConnectionFactory : IModemConnectionFactory, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private InMemoryDuplexStream? _device;
    private Task _serving = Task.CompletedTask;

    public SimulatorConnectionFactory(SimulatedModem modem)
    {
        Modem = modem;
    }

    /// <summary>The simulated device, for injecting inbound SMS and faults.</summary>
    public SimulatedModem Modem { get; }

    public string Description => $"simulated modem ({Modem.State.Dialect.Identity?.Model ?? Modem.Options.Model}, in-process)";

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var (host, device) = InMemoryDuplexStream.CreatePair();
        InMemoryDuplexStream? previous;
        lock (_lock)
        {
            previous = _device;
            _device = device;
            _serving = ServeAsync(device);
        }

        // A serial port has one user: a host that opens it again has given up the previous connection.
        previous?.Dispose();
        return Task.FromResult<Stream>(host);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        Task serving;
        lock (_lock)
        {
            serving = _serving;
            _device?.Dispose();
        }

        await serving;
        _stop.Dispose();
    }

    private async Task ServeAsync(InMemoryDuplexStream device)
    {
        try
        {
            await Modem.RunAsync(device, _stop.Token);
        }
        finally
        {
            // The host end now reads end-of-stream, as when a USB modem is unplugged.
            await device.DisposeAsync();
        }
    }
}

using System.IO.Ports;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Testing.Pty;

/// <summary>
/// Runs a <see cref="SimulatedModem"/> on the device end of a pty pair through System.IO.Ports, and opens the
/// port again whenever the line comes back after it vanished, as a real modem's firmware would. The benchmarks
/// compile this file too (linked), to serve the simulator to the agent and to Gammu.
/// </summary>
public sealed class PtySimulatorHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, Stream> _wrap;
    private readonly bool _rawDevice;
    private readonly Task _loop;

    /// <param name="modem">The device to serve.</param>
    /// <param name="devicePath">The pty end the device opens.</param>
    /// <param name="wrap">Wraps the port's stream before the modem sees it (the benchmarks timestamp what arrives).</param>
    /// <param name="rawDevice">
    /// Opens the pty as a plain file instead of through System.IO.Ports: the benchmarks' stand-in for modem hardware,
    /// whose firmware has no serial-port polling loop of its own, so the simulator adds none to what is measured.
    /// </param>
    public PtySimulatorHost(SimulatedModem modem, string devicePath, Func<Stream, Stream>? wrap = null, bool rawDevice = false)
    {
        Modem = modem;
        _wrap = wrap ?? (stream => stream);
        _rawDevice = rawDevice;
        _loop = ServeAsync(devicePath, _stop.Token);
    }

    public SimulatedModem Modem { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();

        // A read on the serial port does not always notice the cancellation; closing the line ends it for sure.
        Modem.ClosePort();
        await _loop.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }

    private async Task ServeAsync(string devicePath, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!File.Exists(devicePath))
                {
                    await Task.Delay(20, cancellationToken);
                    continue;
                }

                if (_rawDevice)
                {
                    // socat made the line raw; unbuffered, so every write reaches the line at once.
                    await using var device = new FileStream(devicePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
                    await Modem.RunAsync(_wrap(device), cancellationToken);
                }
                else
                {
                    using var port = new SerialPort(devicePath, 115200);
                    port.Open();
                    await Modem.RunAsync(_wrap(port.BaseStream), cancellationToken);
                }

                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: DisposeAsync closed the line under the port, whose own dispose may then fail. Nothing to serve.
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The line vanished under us or is not back yet: try again shortly.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}

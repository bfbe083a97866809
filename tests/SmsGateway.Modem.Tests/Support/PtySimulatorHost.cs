using System.IO.Ports;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>
/// Runs a <see cref="SimulatedModem"/> on the device end of a pty pair through System.IO.Ports, and opens the
/// port again whenever the line comes back after it vanished, as a real modem's firmware would.
/// </summary>
internal sealed class PtySimulatorHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PtySimulatorHost(SimulatedModem modem, string devicePath)
    {
        Modem = modem;
        _loop = ServeAsync(devicePath, _stop.Token);
    }

    public SimulatedModem Modem { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(10));
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

                using var port = new SerialPort(devicePath, 115200);
                port.Open();
                await Modem.RunAsync(port.BaseStream, cancellationToken);
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
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

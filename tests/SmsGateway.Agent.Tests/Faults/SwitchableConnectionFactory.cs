using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Serial;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// The simulator behind a cable that can be pulled: while unplugged, opening the port fails the way
/// a missing device does, and the open connection is closed under the driver.
/// </summary>
public sealed class SwitchableConnectionFactory(SimulatorConnectionFactory inner) : IModemConnectionFactory
{
    private volatile bool _unplugged;

    public string Description => inner.Description;

    public int Opens { get; private set; }

    public void Unplug()
    {
        _unplugged = true;
        inner.Modem.ClosePort();
    }

    public void PlugIn() => _unplugged = false;

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        if (_unplugged)
        {
            throw new ModemPortNotFoundException("/dev/ttyUSB-simulated");
        }

        Opens++;
        return inner.OpenAsync(cancellationToken);
    }
}

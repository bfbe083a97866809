using System.IO.Ports;
using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Serial;

/// <summary>
/// Opens a <see cref="SerialPort"/> with explicit settings (8N1, no handshake unless RTS/CTS is asked for,
/// DTR and RTS raised, as USB modems want) and hands out its stream.
/// </summary>
public sealed class SerialPortStreamFactory(string portName, int baudRate = 115200, bool hardwareFlowControl = false) : IModemConnectionFactory
{
    private static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(5);

    public SerialPortStreamFactory(ModemOptions options)
        : this(options.Port, options.BaudRate, options.HardwareFlowControl)
    {
    }

    public string Description => $"{portName} at {baudRate} baud";

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // System.IO.Ports on Linux throws UnauthorizedAccessException for a path that does not exist, so
        // check first: "no such port" is the message the user needs. Pty links (/tmp/x/ttyA) are files too.
        if (!OperatingSystem.IsWindows() && !File.Exists(portName))
        {
            throw new ModemPortNotFoundException($"no such port: {portName}");
        }

        var port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = hardwareFlowControl ? Handshake.RequestToSend : Handshake.None,
            ReadTimeout = (int)IoTimeout.TotalMilliseconds,
            WriteTimeout = (int)IoTimeout.TotalMilliseconds,
        };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw ex is FileNotFoundException || (!OperatingSystem.IsWindows() && !File.Exists(portName))
                ? new ModemPortNotFoundException($"no such port: {portName}", ex)
                : new ModemPortNotFoundException($"cannot open port {portName}: {ex.Message}", ex);
        }

        RaiseControlLines(port);
        port.DiscardInBuffer();

        // Disposing the base stream closes the port.
        return Task.FromResult(port.BaseStream);
    }

    /// <summary>
    /// Many USB modems stay silent until DTR is raised. Set after opening, because a pty has no modem
    /// control lines and refuses the ioctl ("Inappropriate ioctl for device") while working fine otherwise.
    /// </summary>
    private void RaiseControlLines(SerialPort port)
    {
        try
        {
            port.DtrEnable = true;
            if (!hardwareFlowControl)
            {
                // With RTS/CTS handshake the driver owns RTS.
                port.RtsEnable = true;
            }
        }
        catch (IOException)
        {
        }
    }
}

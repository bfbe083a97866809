using System.IO.Ports;
using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>
/// Opens a pty link with System.IO.Ports, without touching DTR/RTS: a pseudo-terminal has no modem control
/// lines and refuses those ioctls ("Inappropriate ioctl for device"), which the product's serial factory sets.
/// </summary>
internal sealed class PtySerialConnectionFactory(string path) : IModemConnectionFactory
{
    public string Description => $"{path} (pty)";

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(path))
        {
            throw new IOException($"no such port: {path}");
        }

        var port = new SerialPort(path, 115200);
        try
        {
            port.Open();

            // As the product's factory does: an answer the modem gave the previous connection must not look like one for this one.
            port.DiscardInBuffer();
            return Task.FromResult(port.BaseStream);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }
}

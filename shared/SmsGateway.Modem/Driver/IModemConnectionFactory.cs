namespace SmsGateway.Modem.Driver;

/// <summary>Opens the byte stream to a modem: a serial port, or an in-process simulated modem.</summary>
public interface IModemConnectionFactory
{
    /// <summary>What is opened, for logs and errors (e.g. <c>/dev/ttyUSB0 at 115200 baud</c>).</summary>
    string Description { get; }

    /// <summary>Opens a new duplex stream; the caller disposes it. Throws when the device is not there.</summary>
    Task<Stream> OpenAsync(CancellationToken cancellationToken);
}

using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Serial;
using SmsGateway.Modem.Tests.At;

namespace SmsGateway.Modem.Tests.Driver;

/// <summary>Hands out scripted streams in order; when none is left the port is "missing".</summary>
public sealed class ScriptedConnectionFactory(params ScriptedModemStream[] streams) : IModemConnectionFactory
{
    private readonly Queue<ScriptedModemStream> _streams = new(streams);
    private int _opens;

    public string Description => "scripted";

    public int Opens => Volatile.Read(ref _opens);

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opens);
        lock (_streams)
        {
            return _streams.TryDequeue(out var stream)
                ? Task.FromResult<Stream>(stream)
                : Task.FromException<Stream>(new ModemPortNotFoundException("no such port: scripted"));
        }
    }
}

using Microsoft.Extensions.Logging;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>
/// One open connection to the modem: runs commands with the configured timeouts and declares itself
/// broken after too many consecutive timeouts, so the driver tears it down and starts over.
/// </summary>
internal sealed class ModemSession(AtChannel channel, ModemOptions options, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _broken = new();
    private int _consecutiveTimeouts;

    public AtChannel Channel => channel;

    public ModemOptions Options => options;

    public ILogger Logger => logger;

    /// <summary>
    /// <c>AT+CMMS=2</c> was sent on this connection: it keeps the link open until the modem powers off, so once is
    /// enough (a modem that rebooted meanwhile still sends every part, only with the link set up per part).
    /// </summary>
    public bool LinkKeptOpen { get; set; }

    /// <summary>Cancelled once the modem stopped answering; the session must be replaced.</summary>
    public CancellationToken Broken => _broken.Token;

    public Task<AtResponse> ExecuteAsync(string command, CancellationToken cancellationToken) =>
        TrackAsync(channel.ExecuteAsync(command, options.CommandTimeout, cancellationToken));

    public Task<AtResponse> ExecuteWithPayloadAsync(string command, string payload, CancellationToken cancellationToken) =>
        TrackAsync(channel.ExecuteWithPayloadAsync(command, payload, options.SendTimeout, cancellationToken));

    /// <summary>Runs a command whose refusal is acceptable (vendors differ): ERROR gives null.</summary>
    public async Task<AtResponse?> TryExecuteAsync(string command, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(command, cancellationToken);
        }
        catch (AtCommandException ex)
        {
            GsmModemLog.CommandRefused(logger, command, ex.ResultLine);
            return null;
        }
    }

    /// <summary>
    /// Declares the session out of step with the modem (an answer that cannot belong to the command,
    /// such as a late <c>OK</c> of a timed-out command): the driver starts over, which resynchronises.
    /// </summary>
    public void MarkOutOfStep()
    {
        try
        {
            _broken.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session is gone already.
        }
    }

    public void Dispose() => _broken.Dispose();

    private async Task<AtResponse> TrackAsync(Task<AtResponse> command)
    {
        try
        {
            var response = await command;
            Interlocked.Exchange(ref _consecutiveTimeouts, 0);
            return response;
        }
        catch (AtCommandException)
        {
            // An error answer is still an answer: the modem is alive.
            Interlocked.Exchange(ref _consecutiveTimeouts, 0);
            throw;
        }
        catch (AtTimeoutException)
        {
            if (Interlocked.Increment(ref _consecutiveTimeouts) == options.MaxConsecutiveTimeouts)
            {
                GsmModemLog.SessionBroken(logger, options.MaxConsecutiveTimeouts);
                try
                {
                    await _broken.CancelAsync();
                }
                catch (ObjectDisposedException)
                {
                    // A send that outlived its session: the session is gone already.
                }
            }

            throw;
        }
    }
}

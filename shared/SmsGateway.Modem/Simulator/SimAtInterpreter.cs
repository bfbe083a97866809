using Microsoft.Extensions.Logging;

namespace SmsGateway.Modem.Simulator;

/// <summary>Parses command lines and runs their commands in order, stopping at the first error, as V.250 asks.</summary>
internal sealed class SimAtInterpreter
{
    private readonly Dictionary<string, SimAtHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public SimAtInterpreter(ILogger logger)
    {
        _logger = logger;
        SimGeneralCommands.Register(_handlers);
        SimNetworkCommands.Register(_handlers);
        SimSmsCommands.Register(_handlers);
    }

    public async ValueTask ExecuteAsync(SimulatorSession session, string line, CancellationToken cancellationToken)
    {
        SimulatorLog.CommandReceived(_logger, line);
        var trimmed = line.Trim();
        var at = trimmed.IndexOf("AT", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            // Modems wait for "AT" and ignore anything else, including empty lines.
            return;
        }

        var commands = SimAtCommand.ParseLine(trimmed[(at + 2)..]);
        if (commands is null)
        {
            await session.WriteResultAsync([], SimAtResult.Error(), cancellationToken);
            return;
        }

        var lines = new List<string>();
        var final = SimAtResult.Ok();
        foreach (var command in commands)
        {
            if (session.State.Dialect.Refuses(command))
            {
                SimulatorLog.UnknownCommand(_logger, command.Name);
                final = SimAtResult.Error();
            }
            else if (_handlers.TryGetValue(command.Name, out var handler))
            {
                final = await handler(session, command, cancellationToken);
            }
            else
            {
                SimulatorLog.UnknownCommand(_logger, command.Name);
                final = SimAtResult.Error();
            }

            lines.AddRange(final.Lines);
            if (final.Final != SimAtFinal.Ok)
            {
                break;
            }
        }

        var withoutOk = commands is [{ Kind: SimAtCommandKind.Read } only] && final.Final == SimAtFinal.Ok && lines.Count > 0
            && session.State.Dialect.ReadsWithoutOk.Contains(only.Name);
        await session.WriteResultAsync(lines, final, cancellationToken, withoutOk);
    }
}

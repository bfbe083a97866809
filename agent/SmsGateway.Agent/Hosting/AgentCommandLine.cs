using Microsoft.Extensions.Options;
using SmsGateway.Agent.DeadLetters;
using SmsGateway.Agent.Security;
using SmsGateway.Agent.Storage;
using SmsGateway.Storage.Embedded;
using SmsGateway.Agent.Webhooks;

namespace SmsGateway.Agent.Hosting;

/// <summary>Runs the gateway, or one of the subcommands (diagnostics, dead letters, storage, API keys).</summary>
public static class AgentCommandLine
{
    /// <summary>sysexits' EX_UNAVAILABLE: the address to listen on is taken.</summary>
    public const int PortInUseExitCode = 69;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && DiagnosticCommands.Handles(args[0]))
        {
            return await DiagnosticCommands.RunAsync(args, Console.Out, Console.Error);
        }

        if (args.Length > 0 && DeadLetterCommands.Handles(args[0]))
        {
            return await DeadLetterCommands.RunAsync(args, Console.Out, Console.Error);
        }

        if (args.Length > 0 && WebhookCommands.Handles(args[0]))
        {
            return await WebhookCommands.RunAsync(args, Console.Out, Console.Error);
        }

        if (args.Length > 0 && StorageCommands.Handles(args[0]))
        {
            return StorageCommands.Run(args, Console.Out, Console.Error);
        }

        if (args.Length > 0 && ApiKeyCommands.Handles(args[0]))
        {
            return ApiKeyCommands.Run(args, Console.Out, Console.Error);
        }

        if (TopLevelCommands.TryRun(args, Console.Out, Console.Error) is { } exitCode)
        {
            return exitCode;
        }

        try
        {
            await using var app = GatewayApp.Build(args);

            // Validate every setting before the host starts, so a bad one is reported as one line
            // here rather than logged by the host with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();

            // The data folder's lock, then the database's checks: a second agent, a lost or damaged database or a full
            // disk stops the start here with one line, before any service has touched the queue.
            app.Services.GetRequiredService<SqliteDatabase>();
            await app.RunAsync();
            return 0;
        }
        catch (StorageUnusableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ConfigurationErrors.TryReport(ex, Console.Error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Kestrel could not bind: another program (or another agent) has the port.
            await Console.Error.WriteLineAsync($"{ex.Message.TrimEnd('.')}: another program listens there; stop it, or give this agent another address with --urls=http://127.0.0.1:<port> (setting Urls).");
            return PortInUseExitCode;
        }
    }
}

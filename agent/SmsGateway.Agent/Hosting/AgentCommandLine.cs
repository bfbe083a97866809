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
    }
}

using Microsoft.Extensions.Options;
using SmsGateway.Agent.Security;

namespace SmsGateway.Agent.Hosting;

/// <summary>Runs the gateway, or one of the diagnostic subcommands.</summary>
public static class AgentCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && DiagnosticCommands.Handles(args[0]))
        {
            return await DiagnosticCommands.RunAsync(args, Console.Out, Console.Error);
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
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // One line per bad setting, naming it, instead of a stack trace.
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"Configuration error: {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return 2;
        }
    }
}

using Microsoft.Extensions.Options;

namespace SmsGateway.Agent.Hosting;

/// <summary>Turns a bad setting into one line per setting, naming it, instead of a stack trace.</summary>
public static class ConfigurationErrors
{
    /// <summary>The exit code of a process stopped by a bad setting.</summary>
    public const int ExitCode = 2;

    /// <summary>True when <paramref name="exception"/> is a bad setting; it is then written to <paramref name="error"/>.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                foreach (var failure in validation.Failures)
                {
                    error.WriteLine($"Configuration error: {failure}");
                }

                return true;
            case InvalidOperationException conversion when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                error.WriteLine($"Configuration error: {conversion.Message}");
                return true;
            default:
                return false;
        }
    }
}

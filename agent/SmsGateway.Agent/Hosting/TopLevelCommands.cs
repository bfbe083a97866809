using System.Reflection;

namespace SmsGateway.Agent.Hosting;

/// <summary>
/// What the command line means before anything starts: <c>--help</c> and <c>--version</c> answer and exit (they never
/// start the gateway, create a data folder or a key), and a word that is neither a verb nor a setting is refused.
/// </summary>
public static class TopLevelCommands
{
    /// <summary>sysexits' EX_USAGE: the command line was wrong.</summary>
    public const int UsageError = 64;

    public const string Usage = """
        usage: SmsGateway.Agent [--<Setting>=<value> ...]        run the gateway (standalone, or Gateway:Mode=cloud)
               SmsGateway.Agent modem probe|…                    talk to the modem (see: modem --help)
               SmsGateway.Agent pdu decode|encode …              read or write an SMS PDU (see: pdu --help)
               SmsGateway.Agent deadletters list|replay …        the dead letters (see: deadletters --help)
               SmsGateway.Agent webhooks list|deliveries|replay  the webhook endpoints and deliveries (see: webhooks --help)
               SmsGateway.Agent storage check|backup …           the database (see: storage --help)
               SmsGateway.Agent apikey new                       a new API key and its hash
               SmsGateway.Agent --help | --version

        Settings are configuration keys, e.g. --Storage:Path=/var/lib/smsgateway --Modem:Port=/dev/ttyUSB0
        (or environment variables: Storage__Path=…). README.md lists them.
        """;

    /// <summary>The exit code when <paramref name="args"/> asked for help or the version, or held an unknown word; null to go on.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (args.Length > 0 && args[0] is "--version" or "version")
        {
            output.WriteLine($"SmsGateway.Agent {Version()}");
            return 0;
        }

        if (UnknownWord(args) is { } word)
        {
            error.WriteLine($"'{word}' is not a command or a setting of SmsGateway.Agent; settings look like --Storage:Path=./data. See --help.");
            return UsageError;
        }

        return null;
    }

    public static string Version()
    {
        var assembly = typeof(TopLevelCommands).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    // A setting is "--Key=value", "Key=value", "/Key=value" or "--Key value": a bare word is the value of the "--Key" before it.
    private static string? UnknownWord(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var isKey = arg.StartsWith('-') || arg.StartsWith('/');
            var valueOfPrevious = i > 0 && (args[i - 1].StartsWith('-') || args[i - 1].StartsWith('/')) && !args[i - 1].Contains('=', StringComparison.Ordinal);
            if (!isKey && !arg.Contains('=', StringComparison.Ordinal) && !valueOfPrevious)
            {
                return arg;
            }
        }

        return null;
    }
}

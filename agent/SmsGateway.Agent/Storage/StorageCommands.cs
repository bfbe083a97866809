using Microsoft.Extensions.Options;
using SmsGateway.Agent.Hosting;
using SmsGateway.Core.Options;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.Storage;

/// <summary>
/// <c>storage check</c> and <c>storage backup &lt;file&gt; [--force]</c> on the database under <c>Storage:Path</c>
/// (settings as the agent's own: <c>--Storage:Path=…</c>, environment, appsettings.json). Both only read the database,
/// so they run beside a running agent; neither creates a database where there is none.
/// </summary>
public static class StorageCommands
{
    public const int Success = 0;

    public const int UsageError = 64;

    public const string Usage = """
        usage: SmsGateway.Agent storage check [--<Setting>=<value> ...]
               SmsGateway.Agent storage backup <file> [--force] [--<Setting>=<value> ...]
        exit codes: 0 ok, 2 configuration error, 64 usage, 65 database damaged, 66 no database, 73 backup not written
        """;

    public static bool Handles(string verb) => verb == "storage";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Skip(1).Except(settings).ToList();
        var force = words.Remove("--force");
        var valid = words switch
        {
            ["check"] => !force,
            ["backup", var file] => !file.StartsWith("--", StringComparison.Ordinal),
            _ => false,
        };
        if (!valid)
        {
            error.WriteLine(Usage);
            return UsageError;
        }

        try
        {
            var file = DatabaseFileOf(settings);
            output.WriteLine(words[0] == "check" ? SqliteMaintenance.Check(file) : SqliteMaintenance.Backup(file, words[1], force));
            return Success;
        }
        catch (StorageUnusableException ex)
        {
            error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ConfigurationErrors.TryReport(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
    }

    private static string DatabaseFileOf(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value.DatabaseFile;
    }
}

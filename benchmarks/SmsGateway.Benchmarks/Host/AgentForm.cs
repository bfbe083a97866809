using System.Diagnostics;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Which build of the agent a scenario runs: the framework-dependent Release build (<c>dotnet
/// SmsGateway.Agent.dll</c>) or a published folder with its own apphost.
/// </summary>
/// <param name="Name">How the figures name this form.</param>
/// <param name="Executable">The apphost of a published folder, or the dll of a build.</param>
internal sealed record AgentForm(string Name, string Executable)
{
    /// <summary>The Release build that <c>benchmarks/run</c> made beside the harness.</summary>
    public static AgentForm ReleaseBuild()
    {
        var dll = Path.Combine(RepositoryRoot(), "agent", "SmsGateway.Agent", "bin", "Release", "net10.0", "SmsGateway.Agent.dll");
        return File.Exists(dll) ? new AgentForm("release-build", dll) : throw new FileNotFoundException("Build the agent in Release first (benchmarks/run does).", dll);
    }

    public ProcessStartInfo StartInfo()
    {
        if (Executable.EndsWith(".dll", StringComparison.Ordinal))
        {
            var info = new ProcessStartInfo("dotnet");
            info.ArgumentList.Add(Executable);
            return info;
        }

        return new ProcessStartInfo(Executable);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmsGateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The benchmarks run from inside the repository.");
    }
}

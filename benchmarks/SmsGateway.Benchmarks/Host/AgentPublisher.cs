using System.Diagnostics;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Publishes the agent the way docs/install-agent.md tells users to (self-contained, ReadyToRun,
/// here for linux-x64), so the footprint scenario measures the form that runs on devices.
/// </summary>
internal static class AgentPublisher
{
    public static async Task<AgentForm> PublishAsync(CancellationToken cancellationToken)
    {
        var root = AgentForm.RepositoryRoot();
        var output = Path.Combine(root, "benchmarks", "SmsGateway.Benchmarks", "bin", "agent-published");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", "agent/SmsGateway.Agent", "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishReadyToRun=true", "-o", output, "-v", "quiet", "-nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return new AgentForm("published", Path.Combine(output, "SmsGateway.Agent"));
    }
}

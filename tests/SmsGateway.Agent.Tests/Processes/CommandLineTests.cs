using System.Net;
using System.Net.Sockets;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>The command line as a user meets it: help and version answer without starting anything, a wrong word or a taken port ends in one line and an exit code.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--version")]
    public async Task HelpAndVersion_AnswerAndExit0_WithoutCreatingAnything(string flag)
    {
        using var folder = new TempDirectory();

        var (exitCode, output, error) = await AgentProcess.RunCommandAsync([flag], Timeout, folder.Path);

        Assert.Equal(0, exitCode);
        Assert.Contains(flag == "--version" ? "SmsGateway.Agent " : "usage:", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task AWordThatIsNeitherACommandNorASetting_Exits64InOneLine()
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await AgentProcess.RunCommandAsync(["frobnicate"], Timeout, folder.Path);

        Assert.Equal(64, exitCode);
        Assert.Equal(["'frobnicate' is not a command or a setting of SmsGateway.Agent; settings look like --Storage:Path=./data. See --help."], Lines(error));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task APortAlreadyInUse_Exits69InOneLineNamingTheSetting()
    {
        using var folder = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, error) = await AgentProcess.RunCommandAsync(
            [$"--urls=http://127.0.0.1:{port}", $"--Storage:Path={Path.Combine(folder.Path, "data")}", "--Logging:LogLevel:Default=None"], Timeout, folder.Path);

        Assert.Equal(69, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

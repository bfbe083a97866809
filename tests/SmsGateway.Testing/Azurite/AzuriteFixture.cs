using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;

namespace SmsGateway.Testing.Azurite;

/// <summary>
/// Starts Azurite's table service on a free loopback port for a test collection and stops it after.
/// It installs nothing: without Azurite the tests fail and say how to install it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Where <c>.ci/run</c> installs the pinned Azurite unless <c>SMSGW_TOOLS</c> says otherwise.</summary>
    public const string Version = "3.37.0";

    private const string AzuriteVariable = "SMSGW_AZURITE";

    // The emulator's published development account; not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Azurite took over 20 s to start on a 2-core machine busy with other builds; the deadline
    // only guards against a hang.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public string ConnectionString { get; private set; } = string.Empty;

    public TableServiceClient CreateServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            $"Azurite (azurite-table) was not found. Install it with `npm install --prefix \"{DefaultInstallDirectory()}\" azurite@{Version}` " +
            $"(what .ci/run does), or set {AzuriteVariable} to the azurite-table executable.");

        var port = FreePort();
        _workspace = Directory.CreateTempSubdirectory("smsgw-azurite-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace,
        };
        foreach (var argument in new[]
        {
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilListeningAsync(port);
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        if (_workspace is not null)
        {
            try
            {
                Directory.Delete(_workspace, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the dying process; the temp folder is cleaned up by the system.
            }
        }

        return Task.CompletedTask;
    }

    internal static string DefaultInstallDirectory()
    {
        var tools = Environment.GetEnvironmentVariable("SMSGW_TOOLS");
        if (string.IsNullOrEmpty(tools))
        {
            tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "smsgateway");
        }

        return Path.Combine(tools, "azurite-" + Version);
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable(AzuriteVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{AzuriteVariable} names '{configured}', which does not exist.");
        }

        var installed = Path.Combine(DefaultInstallDirectory(), "node_modules", ".bin", "azurite-table");
        if (File.Exists(installed))
        {
            return installed;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "azurite-table"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

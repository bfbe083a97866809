using System.Diagnostics;

namespace SmsGateway.Testing.Pty;

/// <summary>
/// Two linked pseudo-terminals made by socat: whatever is written to <see cref="HostPath"/> can be read on
/// <see cref="DevicePath"/> and back, like a null-modem cable. <see cref="KillAsync"/> pulls the cable,
/// <see cref="StartAsync()"/> plugs it in again with the same paths.
/// </summary>
public sealed class SocatPtyPair : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();
    private Process? _socat;

    public SocatPtyPair()
    {
        HostPath = _directory.File("ttyA");
        DevicePath = _directory.File("ttyB");
    }

    /// <summary>Why pty tests cannot run here, or null when socat is available.</summary>
    public static string? SkipReason =>
        !OperatingSystem.IsLinux() ? "pseudo-terminal tests need Linux"
        : ExternalTool.Find("socat") is null ? "socat is not on PATH (apt-get install socat)"
        : null;

    /// <summary>Where the host (driver, gammu) opens the line.</summary>
    public string HostPath { get; }

    /// <summary>Where the simulated modem opens the line.</summary>
    public string DevicePath { get; }

    /// <summary>A folder that is removed with the pair, for logs and configuration.</summary>
    public TempDirectory Directory => _directory;

    public static async Task<SocatPtyPair> CreateAsync()
    {
        var pair = new SocatPtyPair();
        await pair.StartAsync();
        return pair;
    }

    /// <summary>Starts socat and waits (with a deadline) until both links exist.</summary>
    public async Task StartAsync()
    {
        if (_socat is not null)
        {
            throw new InvalidOperationException("socat is already running.");
        }

        // A killed socat leaves dangling links behind.
        File.Delete(HostPath);
        File.Delete(DevicePath);
        var start = new ProcessStartInfo(ExternalTool.Find("socat") ?? "socat")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-d", "-d", $"pty,raw,echo=0,link={HostPath}", $"pty,raw,echo=0,link={DevicePath}" })
        {
            start.ArgumentList.Add(argument);
        }

        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start.");

        // socat logs every transfer at -d -d; drain its output so it never blocks on a full pipe.
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.OutputDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        _socat.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + _startTimeout;
        while (!(File.Exists(HostPath) && File.Exists(DevicePath)))
        {
            if (_socat.HasExited || DateTime.UtcNow > deadline)
            {
                await KillAsync();
                throw new InvalidOperationException($"socat did not create {HostPath} and {DevicePath} within {_startTimeout.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills socat: both ends see the line vanish.</summary>
    public async Task KillAsync()
    {
        if (_socat is not { } socat)
        {
            return;
        }

        _socat = null;
        if (!socat.HasExited)
        {
            socat.Kill(entireProcessTree: true);
        }

        await socat.WaitForExitAsync();
        socat.Dispose();
        File.Delete(HostPath);
        File.Delete(DevicePath);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _directory.Dispose();
    }
}
